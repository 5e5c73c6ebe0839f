/**
 * Several processes sharing one account's limit, as n8n's queue-mode workers do: each
 * worker is a separate Node process (its own memory, so its own pacing) that runs
 * executions of the node through n8n-core's WorkflowExecute at once, all against one
 * rate-limited simulator process. Without n8n's queue (Redis, Postgres, main): that one is
 * in queue.ts beside this file; this one is quick to rerun while tuning the pacing.
 *
 *   node -r ts-node/register/transpile-only scripts/bench/workers.ts   (after npm run build)
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';

import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { runNode } from '../../test/harness/engine';
import { startSimulatorProcess, type SimulatorStats, type TimelineEntry } from '../../test/support/simulatorProcess';
import { fixed, floorMs, isErrorItem, LATENCY_MS, nodeClass, PER_RECORD_MS } from './model';

export interface WorkersScenario {
	workers: number;
	/** Executions each worker runs at once. */
	runsPerWorker: number;
	items: number;
	/** The account's limit: requests in flight. */
	concurrent: number;
}

export interface WorkersResult {
	scenario: WorkersScenario;
	wallMs: number;
	failed: number;
	outputs: number;
	stats: SimulatorStats;
	/** Wall time the limit allows for these records (C lanes, zero overhead) over the measured one. */
	ofLimit: number;
	/** Per worker: when its executions started and ended, relative to the first start (ms). */
	spans: Array<{ worker: number; startMs: number; endMs: number }>;
	/** Per second from the first start: requests of each worker in flight on average at the server, and 429s. */
	seconds: Array<{ inFlight: number[]; throttled: number }>;
}

interface Run {
	startedAt: number;
	endedAt: number;
	failed: number;
	outputs: number;
}

/** URL items of one execution; every execution its own pictures (no item repeats another's request). */
function items(execution: string, count: number) {
	return Array.from({ length: count }, (_, i) => ({ json: { id: `${execution}-${i}`, url: `https://img.example.com/${execution}/card-${i}.jpg` } }));
}

/** BENCH_TRACE=1: every answer the account's window learns from, with its state after, on stderr. */
function traceWindow(worker: number): void {
	const dist = process.env.BENCH_DIST ?? `${__dirname}/../../dist`;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { AccountWindow } = require(`${dist}/nodes/Ximilar/transport/accountWindow.js`) as { AccountWindow: { prototype: Record<string, unknown> } };
	const give = AccountWindow.prototype.give as (this: Record<string, unknown>, ticket: unknown, outcome: { ok: boolean }) => void;
	AccountWindow.prototype.give = function (this: Record<string, unknown>, ticket: { inFlight: number; trying?: boolean }, outcome: { ok: boolean }) {
		const before = this.limit;
		give.call(this, ticket, outcome);
		if (!outcome.ok || before !== this.limit) {
			process.stderr.write(`${Date.now() % 100000} w${worker} ${outcome.ok ? 'ok ' : '429'} k=${ticket.inFlight}${ticket.trying ? 'T' : ''} limit ${before}->${this.limit} tooMany=${this.tooMany} tryIn=${Math.round((this.tryAt as number) - Date.now())} wait=${this.waiting} hold=${Math.max(0, (this.holdUntil as number) - Date.now())}\n`);
		}
	};
}

async function workerMain(): Promise<void> {
	const { url, token, worker, scenario } = JSON.parse(process.argv[2]) as { url: string; token: string; worker: number; scenario: WorkersScenario };
	if (process.env.BENCH_TRACE) traceWindow(worker);
	const runOne = async (execution: string): Promise<Run> => {
		const inner = new (nodeClass())();
		let startedAt = 0;
		let endedAt = 0;
		const nodeType: INodeType = {
			description: inner.description,
			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				startedAt = performance.timeOrigin + performance.now();
				try {
					return (await inner.execute!.call(this)) as INodeExecutionData[][];
				} finally {
					endedAt = performance.timeOrigin + performance.now();
				}
			},
		};
		const result = await runNode({
			parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', imageSource: 'url', imageUrl: '={{ $json.url }}', recordId: '={{ $json.id }}', options: {} },
			items: items(execution, scenario.items),
			credentials: { apiToken: token, apiUrl: url },
			nodeType,
			onError: 'continueRegularOutput',
		});
		return { startedAt, endedAt, failed: result.main.filter(isErrorItem).length, outputs: result.main.length };
	};
	// Ready: loaded and compiled. The parent says go to all workers at once.
	process.send!({ type: 'ready' });
	await new Promise((resolve) => process.once('message', resolve));
	const runs = await Promise.all(Array.from({ length: scenario.runsPerWorker }, (_, run) => runOne(`w${worker}r${run}`)));
	process.send!({ type: 'done', runs });
}

/** Runs the scenario: `workers` processes, each `runsPerWorker` executions of `items` URL items at once. */
export async function workersBench(scenario: WorkersScenario): Promise<WorkersResult> {
	const sim = await startSimulatorProcess({ latencyMs: LATENCY_MS, perRecordMs: PER_RECORD_MS, rateLimit: { concurrent: scenario.concurrent } });
	try {
		const children = Array.from({ length: scenario.workers }, (_, worker) =>
			fork(__filename, [JSON.stringify({ url: sim.url, token: sim.token, worker, scenario })], {
				execArgv: ['-r', 'ts-node/register/transpile-only'],
				env: { ...process.env, BENCH_WORKERS_CHILD: '1' },
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			}),
		);
		const message = (child: (typeof children)[number], type: string) =>
			new Promise<{ runs?: Run[] }>((resolve, reject) => {
				child.on('message', (received: { type: string; runs?: Run[] }) => received.type === type && resolve(received));
				child.once('exit', (code) => reject(new Error(`worker exited with code ${code}`)));
			});
		await Promise.all(children.map((child) => message(child, 'ready')));
		await sim.reset();
		const done = children.map((child) => message(child, 'done'));
		for (const child of children) child.send('go');
		const perWorker = (await Promise.all(done)).map((reply) => reply.runs ?? []);
		for (const child of children) child.kill();
		const runs = perWorker.flat();
		const start = Math.min(...runs.map((run) => run.startedAt));
		const end = Math.max(...runs.map((run) => run.endedAt));
		const wallMs = end - start;
		const timeline = await sim.timeline();
		const records = scenario.workers * scenario.runsPerWorker * scenario.items;
		return {
			scenario,
			wallMs,
			failed: runs.reduce((sum, run) => sum + run.failed, 0),
			outputs: runs.reduce((sum, run) => sum + run.outputs, 0),
			stats: await sim.stats(),
			ofLimit: floorMs(records, 10, scenario.concurrent) / wallMs,
			spans: perWorker.map((list, worker) => ({
				worker,
				startMs: Math.min(...list.map((run) => run.startedAt)) - start,
				endMs: Math.max(...list.map((run) => run.endedAt)) - start,
			})),
			seconds: perSecond(timeline, start, scenario.workers),
		};
	} finally {
		await sim.close();
	}
}

/** The timeline in seconds: each worker's average requests at the server (successful ones), and the 429s. */
function perSecond(timeline: TimelineEntry[], start: number, workers: number): WorkersResult['seconds'] {
	const end = Math.max(start, ...timeline.map((entry) => entry.endedAt));
	return Array.from({ length: Math.ceil((end - start) / 1000) }, (_, second) => {
		const from = start + second * 1000;
		const to = from + 1000;
		const inFlight = Array.from({ length: workers }, (_, worker) =>
			timeline
				.filter((entry) => entry.status === 200 && entry.firstId?.startsWith(`w${worker}r`))
				.reduce((sum, entry) => sum + Math.max(0, Math.min(to, entry.endedAt) - Math.max(from, entry.startedAt)), 0) / 1000,
		);
		const throttled = timeline.filter((entry) => entry.status === 429 && entry.startedAt >= from && entry.startedAt < to).length;
		return { inFlight, throttled };
	});
}

export function describeWorkers(result: WorkersResult): string {
	const throttled = result.stats.statuses['429'] ?? 0;
	return (
		`${result.scenario.workers} processes x ${result.scenario.runsPerWorker} executions x ${result.scenario.items} URL items, limit ${result.scenario.concurrent} in flight: ` +
		`${fixed(result.wallMs)} ms, ${fixed(100 * result.ofLimit, 1)}% of the limit, ${result.stats.requests} requests, ${throttled} answered 429 ` +
		`(${fixed((100 * throttled) / Math.max(1, result.stats.requests), 1)}%), ${result.failed} failed of ${result.outputs}; ` +
		result.spans.map((span) => `worker ${span.worker + 1} ${fixed(span.startMs)}-${fixed(span.endMs)} ms`).join(', ')
	);
}

if (process.env.BENCH_WORKERS_CHILD === '1') {
	workerMain().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
} else if (require.main === module) {
	workersBench({ workers: 2, runsPerWorker: 2, items: 500, concurrent: 3 }).then(
		(result) => {
			console.log(describeWorkers(result));
			if (process.env.BENCH_TIMELINE) for (const [second, entry] of result.seconds.entries()) console.log(second, entry.inFlight.map((value) => value.toFixed(2)).join(' '), entry.throttled);
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
