/**
 * The Ximilar simulator in a child process of its own, so that its CPU time and memory
 * (parsing 13 MB request bodies, hashing images) are not counted as the node's.
 *
 * As a child (forked with ts-node): starts the simulator with the options in argv[2],
 * reports `{type: 'ready', url, token}` and answers IPC commands.
 * As a parent: `startSimulatorProcess(options)` forks it and returns a small client.
 */
import { fork, type ChildProcess } from 'node:child_process';

import type { SimulatorOptions } from '../simulator';

/** What the simulator saw since the last reset, summed up (the full log stays in the child). */
export interface SimulatorStats {
	requests: number;
	records: number;
	/** recordCount of each request, in arrival order */
	recordCounts: number[];
	/** HTTP status -> number of requests */
	statuses: Record<string, number>;
	maxInFlight: number;
	/** CPU time the simulator process spent since the last reset (parsing bodies, decoding images). */
	cpuMs: number;
}

type Command = { id: number; cmd: 'reset' | 'stats' | 'close' | 'timeline' };
/** One request as the simulator saw it: when it came and ended, its status, the `_id` of its first record. */
export interface TimelineEntry {
	startedAt: number;
	endedAt: number;
	status: number;
	firstId: string | null;
}

type Reply = { id: number; ok: true; stats?: SimulatorStats; timeline?: TimelineEntry[] } | { id: number; ok: false; error: string };

async function runChild(): Promise<void> {
	const { XimilarSimulator } = await import('../simulator');
	const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
	const sim = await XimilarSimulator.start(options);
	let cpuAtReset = process.cpuUsage();
	const send = (message: unknown) => process.send?.(message);
	process.on('message', (message: Command) => {
		void (async () => {
			try {
				if (message.cmd === 'reset') {
					sim.reset();
					cpuAtReset = process.cpuUsage();
					send({ id: message.id, ok: true });
				} else if (message.cmd === 'stats') {
					const statuses: Record<string, number> = {};
					for (const entry of sim.log) statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
					const recordCounts = sim.log.map((entry) => entry.recordCount);
					const stats: SimulatorStats = {
						requests: sim.log.length,
						records: recordCounts.reduce((sum, count) => sum + count, 0),
						recordCounts,
						statuses,
						maxInFlight: sim.maxInFlight,
						cpuMs: ((cpu) => (cpu.user + cpu.system) / 1000)(process.cpuUsage(cpuAtReset)),
					};
					send({ id: message.id, ok: true, stats });
				} else if (message.cmd === 'timeline') {
					const timeline = sim.log.map((entry) => ({ startedAt: entry.startedAt, endedAt: entry.endedAt, status: entry.status, firstId: entry.recordIds[0] ?? null }));
					send({ id: message.id, ok: true, timeline });
				} else if (message.cmd === 'close') {
					await sim.close();
					send({ id: message.id, ok: true });
					process.exit(0);
				}
			} catch (error) {
				send({ id: message.id, ok: false, error: (error as Error).message });
			}
		})();
	});
	process.on('disconnect', () => process.exit(0)); // the parent went away
	send({ type: 'ready', url: sim.url, token: sim.token });
}

export interface SimulatorProcess {
	url: string;
	token: string;
	pid: number;
	reset(): Promise<void>;
	stats(): Promise<SimulatorStats>;
	/** Every request since the last reset, in arrival order. */
	timeline(): Promise<TimelineEntry[]>;
	close(): Promise<void>;
}

/** Forks the simulator into its own Node process and waits until it listens. */
export async function startSimulatorProcess(options: SimulatorOptions = {}): Promise<SimulatorProcess> {
	const child: ChildProcess = fork(__filename, [JSON.stringify(options)], {
		execArgv: [
			'-r',
			'ts-node/register/transpile-only',
			// Room before V8's first full collections: with its default small heap, the ten 1.3 MB
			// image strings of each binary request had it collecting about once per request (half
			// the simulator's CPU, on the cores the node under test runs on).
			'--initial-old-space-size=512',
			// e.g. SIM_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/sim" to profile it.
			...(process.env.SIM_FLAGS ? process.env.SIM_FLAGS.split(' ') : []),
		],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
	let nextId = 1;
	const ready = new Promise<{ url: string; token: string }>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`simulator process exited early (code ${code})`)));
		child.on('message', (message: { type?: string; url?: string; token?: string } & Partial<Reply>) => {
			if (message.type === 'ready') return resolve({ url: message.url!, token: message.token! });
			const waiting = pending.get(message.id!);
			if (!waiting) return;
			pending.delete(message.id!);
			waiting.resolve(message as Reply);
		});
	});
	const { url, token } = await ready;
	child.removeAllListeners('exit');
	child.on('exit', () => {
		for (const waiting of pending.values()) waiting.reject(new Error('simulator process exited'));
		pending.clear();
	});

	const call = (cmd: Command['cmd']) =>
		new Promise<Reply>((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve, reject });
			child.send({ id, cmd } satisfies Command);
		}).then((reply) => {
			if (!reply.ok) throw new Error(`simulator process: ${reply.error}`);
			return reply;
		});

	return {
		url,
		token,
		pid: child.pid!,
		reset: async () => {
			await call('reset');
		},
		stats: async () => (await call('stats')).stats!,
		timeline: async () => (await call('timeline')).timeline!,
		close: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			await call('close').catch(() => undefined);
			await exited;
		},
	};
}

if (require.main === module) {
	runChild().catch((error: unknown) => {
		console.error((error as Error).message);
		process.exit(1);
	});
}
