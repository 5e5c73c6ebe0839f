/**
 * Samples another process's resident set size (the number process.memoryUsage().rss
 * reports) every 2 ms from a child process of its own, so that the sampling costs the
 * measured process no CPU time and is not delayed by its synchronous work.
 * Linux only (/proc/<pid>/status); `startRssSampler()` resolves to undefined elsewhere.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

type Command = { cmd: 'start'; pid: number; intervalMs: number } | { cmd: 'stop' };
type Reply = { type: 'ready' } | { type: 'started' } | { type: 'stopped'; peak: number; samples: number };

function rssOf(pid: number): number | undefined {
	try {
		const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? Number(kb) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

function runChild(): void {
	let timer: NodeJS.Timeout | undefined;
	let peak = 0;
	let samples = 0;
	const send = (reply: Reply) => process.send?.(reply);
	process.on('message', (message: Command) => {
		if (message.cmd === 'start') {
			clearInterval(timer);
			peak = 0;
			samples = 0;
			const sample = () => {
				const rss = rssOf(message.pid);
				if (rss !== undefined) {
					samples++;
					if (rss > peak) peak = rss;
				}
			};
			sample();
			timer = setInterval(sample, message.intervalMs);
			send({ type: 'started' });
		} else {
			clearInterval(timer);
			timer = undefined;
			send({ type: 'stopped', peak, samples });
		}
	});
	process.on('disconnect', () => process.exit(0));
	send({ type: 'ready' });
}

export interface RssSampler {
	/** Starts sampling `pid` (default: this process) and resolves once the first sample is taken. */
	start(pid?: number): Promise<void>;
	/** Stops and returns the highest RSS seen, in bytes. */
	stop(): Promise<{ peak: number; samples: number }>;
	close(): void;
}

export async function startRssSampler(intervalMs = 2): Promise<RssSampler | undefined> {
	if (!existsSync(`/proc/${process.pid}/status`)) return undefined;
	const child = fork(__filename, [], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const next = (type: Reply['type']) =>
		new Promise<Reply>((resolve, reject) => {
			const onMessage = (reply: Reply) => {
				if (reply.type !== type) return;
				child.off('message', onMessage);
				child.off('exit', onExit);
				resolve(reply);
			};
			const onExit = () => reject(new Error('RSS sampler exited'));
			child.on('message', onMessage);
			child.once('exit', onExit);
		});
	await next('ready');
	return {
		start: async (pid = process.pid) => {
			const started = next('started');
			child.send({ cmd: 'start', pid, intervalMs } satisfies Command);
			await started;
		},
		stop: async () => {
			const stopped = next('stopped');
			child.send({ cmd: 'stop' } satisfies Command);
			const reply = (await stopped) as Extract<Reply, { type: 'stopped' }>;
			return { peak: reply.peak, samples: reply.samples };
		},
		close: () => {
			if (child.connected) child.disconnect();
		},
	};
}

if (require.main === module) runChild();
