/**
 * Several n8n workers sharing one account's limit, in n8n's real queue mode: n8n 2.8.4 `n8n
 * start` (main) and two `n8n worker`s (each running 2 executions at once), Redis and a
 * throwaway Postgres (e2e/queue/), the packed package installed in each process's own user
 * folder. Four webhook calls at once, each an execution of 500 URL items through the Ximilar
 * node with its default options, against the simulator's rate-limit model: 3 requests of the
 * account in flight, 429 with Retry-After beyond (a separate process, 80 ms + 5 ms per record).
 *
 * Measured at the simulator: from the first request's arrival to the last reply, the requests,
 * the 429s, and the share of the throughput the limit allows (floor / wall); from the answers:
 * the failed items; from the workers' logs: which worker ran which execution.
 *
 * Needs n8n installed in .e2e/n8n (npm run e2e installs it) and, as the e2e stage does,
 * Debian's redis-server and PostgreSQL (apt-installed as root when missing); skipped otherwise.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import { QueueSetup, type QueueCluster } from '../../e2e/queue/cluster';
import { startPostgres, startRedis, type Postgres, type Redis } from '../../e2e/queue/services';
import { CREDENTIAL_NAME, N8N_BIN, NODE_TYPE, ROOT } from '../../e2e/lib/config';
import { childEnv, runCommand, tail } from '../../e2e/lib/process';
import type { Workflow } from '../../e2e/lib/workflows';
import { webhookNode } from '../../e2e/queue/workflow';
import { startSimulatorProcess, type SimulatorStats, type TimelineEntry } from '../../test/support/simulatorProcess';
import { fixed, floorMs, LATENCY_MS, PER_RECORD_MS, type Check } from './model';

const WORKERS = 2;
const RUNS_PER_WORKER = 2;
const ITEMS = 500;
const LIMIT_CONCURRENT = 3;
const WORKFLOW_ID = 'benchQueuePacing1';
/** Rounds on the same cluster: the first with fresh workers, the next with what their pacing learned (forgotten after 10 idle minutes). */
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 3);

export interface QueueFigures {
	wallMs: number;
	ofLimit: number;
	requests: number;
	throttled: number;
	failed: number;
	outputs: number;
	/** Executions each worker ran (from its log). */
	perWorker: number[];
	/** Per second from the first request: requests in flight at the server on average (successful ones), and 429s. */
	seconds: Array<{ inFlight: number; throttled: number }>;
	stats: SimulatorStats;
}

/** Webhook -> one item per URL (500, named after the call) -> Ximilar Recognize by URL, defaults. */
function pacingWorkflow(webhookPath: string): Workflow {
	const urls = `const call = $input.first().json.body.call;
const count = Number($input.first().json.body.items);
return Array.from({ length: count }, (_, i) => ({ json: { id: call + '-' + i, url: 'https://img.example.com/' + call + '/card-' + i + '.jpg' } }));`;
	return {
		id: WORKFLOW_ID,
		name: '[bench] Queue mode: executions of URL items sharing one account limit',
		nodes: [
			webhookNode(webhookPath),
			{ name: 'URLs', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: urls } },
			{
				name: 'Identify',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', imageSource: 'url', imageUrl: '={{ $json.url }}', recordId: '={{ $json.id }}', serviceOptions: {}, options: {} },
				credentials: { ximilarApi: { id: null, name: CREDENTIAL_NAME } },
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'URLs', type: 'main', index: 0 }]] },
			URLs: { main: [[{ node: 'Identify', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	} as Workflow;
}

async function call(url: string, name: string, items: number): Promise<Array<Record<string, unknown>>> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ call: name, items }),
		signal: AbortSignal.timeout(300_000),
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`webhook call ${name}: HTTP ${response.status} ${text.slice(0, 300)}`);
	const parsed = JSON.parse(text) as unknown;
	return Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : [parsed as Record<string, unknown>];
}

/**
 * The package as n8n installs it: packed, then installed into the main user folder (QueueSetup
 * copies it to the workers'). BENCH_PACKAGE_DIR packs another checkout, built (to compare a change).
 */
async function installPackage(dir: string, userFolder: string): Promise<void> {
	const source = process.env.BENCH_PACKAGE_DIR ?? ROOT;
	const packed = await runCommand('bench-npm-pack', 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: source, env: childEnv(), timeoutMs: 120_000 });
	if (packed.code !== 0) throw new Error(`npm pack failed: ${tail(packed.stderr)}`);
	const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>;
	const nodes = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodes, { recursive: true });
	writeFileSync(path.join(nodes, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	const installed = await runCommand('bench-npm-install', 'npm', ['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', path.join(dir, filename)], { cwd: nodes, env: childEnv(), timeoutMs: 300_000 });
	if (installed.code !== 0) throw new Error(`npm install of the package failed: ${tail(installed.stderr)}`);
}

const percent = (ratio: number) => `${fixed(100 * ratio, 1)}%`;

function perSecond(timeline: TimelineEntry[], start: number, end: number): QueueFigures['seconds'] {
	return Array.from({ length: Math.ceil((end - start) / 1000) }, (_, second) => {
		const from = start + second * 1000;
		const to = from + 1000;
		const busy = timeline
			.filter((entry) => entry.status === 200)
			.reduce((sum, entry) => sum + Math.max(0, Math.min(to, entry.endedAt) - Math.max(from, entry.startedAt)), 0);
		return { inFlight: busy / 1000, throttled: timeline.filter((entry) => entry.status === 429 && entry.startedAt >= from && entry.startedAt < to).length };
	});
}

/** Runs the scenario in n8n's queue mode; undefined (with the reason logged) when n8n or its services are not at hand. */
export async function queueBench(log: (text: string) => void): Promise<QueueFigures[] | undefined> {
	if (!existsSync(N8N_BIN)) {
		log(`queue mode: skipped, no n8n at ${path.relative(ROOT, N8N_BIN)} (npm run e2e installs it)`);
		return undefined;
	}
	const dir = path.join(os.tmpdir(), `ximilar-bench-queue-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const sim = await startSimulatorProcess({ latencyMs: LATENCY_MS, perRecordMs: PER_RECORD_MS, rateLimit: { concurrent: LIMIT_CONCURRENT } });
	let redis: Redis | undefined;
	let pg: Postgres | undefined;
	let cluster: QueueCluster | undefined;
	const started = Date.now();
	try {
		redis = await startRedis(path.join(dir, 'redis'));
		pg = await startPostgres(path.join(dir, 'postgres'));
		const quiet = (name: string, ok: boolean, detail?: string) => {
			if (!ok) throw new Error(`${name}: ${detail ?? 'failed'}`);
			return true;
		};
		const setup = await QueueSetup.create(dir, pg, redis, quiet);
		await installPackage(dir, setup.userFolder('main'));
		for (let n = 1; n <= WORKERS; n++) setup.installPackageFor(`worker${n}`);
		const webhookPath = `ximilar-bench-${randomUUID().slice(0, 8)}`;
		await setup.importAndPublish(pacingWorkflow(webhookPath), sim.url, sim.token);
		cluster = await setup.start(WORKERS, RUNS_PER_WORKER);
		log(`queue mode: main and ${WORKERS} workers ready in ${fixed((Date.now() - started) / 1000, 1)} s`);
		const url = `${cluster.url}/webhook/${webhookPath}`;
		// Warm-up: each worker loads the node and n8n compiles its first run (not measured).
		await Promise.all(Array.from({ length: WORKERS * RUNS_PER_WORKER }, (_, n) => call(url, `warm${n}`, 20)));
		const rounds: QueueFigures[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			await sim.reset();
			const workers = cluster.workers;
			const logged = workers.map((worker) => worker.output().length);
			const answers = await Promise.all(Array.from({ length: WORKERS * RUNS_PER_WORKER }, (_, n) => call(url, `r${round}c${n}`, ITEMS)));
			const timeline = await sim.timeline();
			const stats = await sim.stats();
			const start = Math.min(...timeline.map((entry) => entry.startedAt));
			const end = Math.max(...timeline.map((entry) => entry.endedAt));
			const items = answers.flat();
			const figures: QueueFigures = {
				wallMs: end - start,
				ofLimit: floorMs(ITEMS * WORKERS * RUNS_PER_WORKER, 10, LIMIT_CONCURRENT) / (end - start),
				requests: stats.requests,
				throttled: stats.statuses['429'] ?? 0,
				failed: items.filter((item) => item.error !== undefined).length,
				outputs: items.length,
				perWorker: workers.map((worker, n) => [...worker.output().slice(logged[n]).matchAll(/Worker finished execution (\d+)/g)].length),
				seconds: perSecond(timeline, start, end),
				stats,
			};
			rounds.push(figures);
			log(`queue mode, round ${round + 1}: ${fixed(figures.wallMs)} ms, ${percent(figures.ofLimit)} of the limit, ${figures.throttled} of ${figures.requests} answered 429, ${figures.failed} failed`);
		}
		return rounds;
	} finally {
		await cluster?.stop();
		await redis?.stop();
		await pg?.stop().catch(() => undefined);
		await sim.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function queueReport(rounds: QueueFigures[]): { lines: string[]; checks: Check[] } {
	const share429 = (figures: QueueFigures) => figures.throttled / Math.max(1, figures.requests);
	const records = ITEMS * WORKERS * RUNS_PER_WORKER;
	const lines = [
		`Queue mode (n8n 2.8.4, main + ${WORKERS} workers each running ${RUNS_PER_WORKER} executions at once, Redis, Postgres): ${WORKERS * RUNS_PER_WORKER} webhook executions at once of ${ITEMS} URL items each, ` +
			`default options, against one account limited to ${LIMIT_CONCURRENT} requests in flight (429 with Retry-After: 1 beyond), ${rounds.length} rounds on the same workers ` +
			'(the first with fresh workers, then with what their pacing learned). Wall time from the first request reaching the simulator to the last reply; floor ' +
			`${fixed(floorMs(records, 10, LIMIT_CONCURRENT))} ms (${records / 10} requests on ${LIMIT_CONCURRENT} lanes).`,
		'',
		'| round | executions per worker | requests | answered 429 | failed items | wall ms | of the limit | requests at the server per second (of 3) / 429s |',
		'|---:|---|---:|---:|---:|---:|---:|---|',
		...rounds.map(
			(figures, round) =>
				`| ${round + 1} | ${figures.perWorker.join(' + ')} | ${figures.requests} | ${figures.throttled} (${percent(share429(figures))}) | ${figures.failed} of ${figures.outputs} | ` +
				`${fixed(figures.wallMs)} | ${percent(figures.ofLimit)} | ${figures.seconds.map((second) => `${fixed(second.inFlight, 1)}${second.throttled ? `/${second.throttled}` : ''}`).join(' ')} |`,
		),
	];
	const name = `queue mode, ${WORKERS} workers x ${RUNS_PER_WORKER} executions x ${ITEMS} URL items, limit ${LIMIT_CONCURRENT} in flight`;
	const ofLimit = median(rounds.map((figures) => figures.ofLimit));
	const worst429 = Math.max(...rounds.map(share429));
	const checks: Check[] = [
		{ name: `${name}: >= 85% of the throughput the limit allows (median round)`, pass: ofLimit >= 0.85, detail: rounds.map((figures) => percent(figures.ofLimit)).join(', ') },
		{ name: `${name}: < 10% of requests answered 429 (every round)`, pass: worst429 < 0.1, detail: rounds.map((figures) => `${figures.throttled} of ${figures.requests}`).join(', ') },
		{ name: `${name}: 0 failed items (every round)`, pass: rounds.every((figures) => figures.failed === 0 && figures.outputs === records), detail: rounds.map((figures) => `${figures.failed} of ${figures.outputs}`).join(', ') },
		{ name: `${name}: each worker ran ${RUNS_PER_WORKER} of the executions (every round)`, pass: rounds.every((figures) => figures.perWorker.every((count) => count === RUNS_PER_WORKER)), detail: rounds.map((figures) => figures.perWorker.join(' + ')).join(', ') },
	];
	return { lines, checks };
}

if (require.main === module) {
	queueBench((text) => process.stderr.write(`${text}\n`)).then(
		(figures) => {
			if (figures) console.log(queueReport(figures).lines.join('\n'));
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
