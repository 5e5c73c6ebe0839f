/**
 * Benchmark of the Ximilar node: `npm run bench`.
 *
 * Runs the BUILT node (dist/) through n8n-core's WorkflowExecute (test/harness) against
 * the simulator, which runs in a separate process (test/support/simulatorProcess.ts) with
 * a fixed latency model: 80 ms per request plus 5 ms per record. Only the node's own
 * execute() is measured: wall time, CPU time (process.cpuUsage; the time spent inside
 * n8n's getNodeParameter is shown apart) and peak RSS growth: the RSS sampled every 2 ms
 * by a separate process (test/support/rssSampler.ts, so the sampling costs the node no
 * CPU), minus the RSS right before the run after a full GC; the kernel's own peak RSS
 * (VmHWM, reset through /proc/self/clear_refs) is shown beside it. The memory scenarios
 * each run in a fresh process, since glibc keeps freed memory for reuse, twice: once as n8n
 * runs a node (wall, CPU) and once after a forced full GC (RSS, retained memory; its wall
 * and CPU are shown beside, as V8 collects far more often in a heap it has just shrunk).
 * One more run of 1000 URL items under the V8 profiler shows where the CPU time goes.
 * BENCH_TRACE_GC="<V8 flags>" (e.g. "--trace-gc --trace-incremental-marking") runs those workers with them;
 * SIM_FLAGS="<V8 flags>" does the same for the simulator process (test/support/simulatorProcess.ts).
 *
 * BENCH_FULL=1 also measures the 1-record-per-request baseline for 1000 items at
 * Parallel Requests 1 (about 85 s more). BENCH_ONLY=url, memory, pacing or queue runs one
 * part (the pacing scenarios are in pacing.ts beside this file, the queue-mode ones in
 * queue.ts). BENCH_DIST=<dir> measures another build of the node (e.g. a candidate fix);
 * BENCH_PACKAGE_DIR=<checkout> packs another built checkout for the queue-mode part.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

import type { IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { runNode } from '../../test/harness/engine';
import { startRssSampler, type RssSampler } from '../../test/support/rssSampler';
import { startSimulatorProcess, type SimulatorProcess, type SimulatorStats } from '../../test/support/simulatorProcess';
import {
	fixed, floorMs, isErrorItem, LATENCY_MS, nodeClass, PER_RECORD_MS, requestLatency, urlItems, type Check,
} from './model';
import { measureBareClient, type BareRun } from './bareClient';
import { childPayload, measureInChild, serveMeasurement } from './freshProcess';
import { binaryItems } from './images';
import { pacingBench } from './pacing';
import { queueBench, queueReport } from './queue';
import { describeWorkers, workersBench } from './workers';

const MAX_RECORDS = 10;
const MB = 1024 * 1024;
const FULL = process.env.BENCH_FULL === '1';
/** BENCH_ONLY=url, memory, pacing or queue runs one part (for quick checks; the report needs all). */
const ONLY = process.env.BENCH_ONLY;
const part = (name: 'url' | 'memory' | 'pacing' | 'queue') => ONLY === undefined || ONLY === '' || ONLY === name;

// ------------------------------------------------------------------ measuring the node

interface Probe {
	wallMs: number;
	cpuMs: number;
	/** CPU time spent inside this.getNodeParameter (n8n resolving parameters and expressions) */
	parameterMs: number;
	parameterCalls: number;
	/** peak of the RSS samples minus the RSS before the run */
	rssGrowth: number;
	/** kernel peak RSS (VmHWM) minus the RSS before the run; undefined off Linux */
	hwmGrowth?: number;
	/** V8 heap + external memory still held after the run and a full GC (outputs included) */
	retained: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function kernelPeakRss(): number | undefined {
	try {
		const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
		return kb ? Number(kb) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

function resetKernelPeakRss(): boolean {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

/** RSS sampling: from a separate process when possible, else in-process every 5 ms. */
async function rssWatcher(sampler: RssSampler | undefined | 'off'): Promise<() => Promise<number>> {
	// A speed run reports no RSS (its memory run does): polling it would be CPU counted as the node's.
	if (sampler === 'off') return async () => 0;
	if (sampler) {
		await sampler.start();
		return async () => (await sampler.stop()).peak;
	}
	let peak = process.memoryUsage.rss();
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 5);
	return async () => {
		clearInterval(timer);
		return Math.max(peak, process.memoryUsage.rss());
	};
}

/** Our node, with its execute() wrapped in the measurements. */
/**
 * `forceGc`: a full garbage collection right before the run, for an exact memory baseline, and
 * after it, for the memory it retained. It also leaves V8 with a small, freshly collected heap
 * and tight limits, in which V8 marks the heap over and over (about every 100 ms with binary
 * files); speed is therefore measured in a run without it, after a warm-up without it (see
 * measureInFreshProcess).
 */
function measuredNode(sampler: RssSampler | undefined | 'off', forceGc = true): { nodeType: INodeType; lastProbe: () => Probe } {
	const Ximilar = nodeClass();
	const inner = new Ximilar();
	let probe: Probe | undefined;
	const nodeType: INodeType = {
		description: inner.description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			// Time spent in n8n's parameter resolution, apart (it is synchronous).
			let parameterMs = 0;
			let parameterCalls = 0;
			const getNodeParameter = this.getNodeParameter;
			this.getNodeParameter = ((...args: Parameters<typeof getNodeParameter>) => {
				const start = performance.now();
				try {
					return getNodeParameter.apply(this, args);
				} finally {
					parameterMs += performance.now() - start;
					parameterCalls++;
				}
			}) as typeof getNodeParameter;

			if (forceGc) {
				gc?.();
				gc?.();
			}
			const live = () => {
				const usage = process.memoryUsage();
				return usage.heapUsed + usage.external;
			};
			const liveBefore = live();
			const baseline = process.memoryUsage.rss();
			const hwmReset = resetKernelPeakRss();
			const stopWatching = await rssWatcher(sampler);
			const cpuStart = process.cpuUsage();
			const start = performance.now();
			try {
				return await inner.execute!.call(this);
			} finally {
				const wallMs = performance.now() - start;
				const cpu = process.cpuUsage(cpuStart);
				const hwm = hwmReset ? kernelPeakRss() : undefined;
				const peak = await stopWatching();
				this.getNodeParameter = getNodeParameter;
				// Without forceGc no collection is forced after the run either: a forced full GC
				// leaves V8 tight limits for whatever runs next (the measured run after a warm-up),
				// which then marks its heap over and over. Retained memory comes from memory runs.
				if (forceGc) {
					gc?.();
					gc?.();
				}
				const retained = forceGc ? live() - liveBefore : Number.NaN;
				probe = {
					retained,
					wallMs,
					cpuMs: (cpu.user + cpu.system) / 1000,
					parameterMs,
					parameterCalls,
					rssGrowth: peak - baseline,
					hwmGrowth: hwm === undefined ? undefined : hwm - baseline,
				};
			}
		},
	};
	return {
		nodeType,
		lastProbe: () => {
			if (!probe) throw new Error('the node did not run');
			return probe;
		},
	};
}

// ------------------------------------------------------------------ where the CPU goes

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}

/** CPU time of one execute(), by component, from a V8 CPU profile (main thread only). */
type Breakdown = Record<'parameters' | 'http' | 'node' | 'gc' | 'other', number>;

/**
 * Each sample goes to the first component found walking up its stack: n8n resolving a
 * parameter (getNodeParameter, with its expressions), n8n's HTTP helper and axios, the
 * node's own code (the leaf frame is in dist/nodes), garbage collection, or other.
 */
function attribute(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): Breakdown {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const totals: Breakdown = { parameters: 0, http: 0, node: 0, gc: 0, other: 0 };
	const cache = new Map<number, keyof Breakdown | 'idle'>();
	const classify = (leaf: number): keyof Breakdown | 'idle' => {
		const known = cache.get(leaf);
		if (known) return known;
		const frame = byId.get(leaf)!.callFrame;
		let kind: keyof Breakdown | 'idle' | undefined;
		if (frame.functionName === '(idle)') kind = 'idle';
		else if (frame.functionName === '(garbage collector)') kind = 'gc';
		for (let id: number | undefined = leaf; !kind && id !== undefined; id = parent.get(id)) {
			const { functionName, url } = byId.get(id)!.callFrame;
			if (/getNodeParameter/.test(functionName)) kind = 'parameters';
			else if (/httpRequestWithAuthentication/.test(functionName) || /node_modules\/(axios|follow-redirects)\//.test(url)) kind = 'http';
		}
		if (!kind) kind = /\/nodes\/Ximilar\//.test(frame.url) ? 'node' : 'other';
		cache.set(leaf, kind);
		return kind;
	};
	profile.samples.forEach((sample, index) => {
		const kind = classify(sample);
		if (kind !== 'idle') totals[kind] += (profile.timeDeltas[index] ?? 0) / 1000;
	});
	return totals;
}

/** Runs a scenario once more under the V8 profiler (slower: not used for the table). */
async function profileScenario(sim: SimulatorProcess, scenario: Scenario): Promise<Breakdown> {
	const session = new Session();
	session.connect();
	const post = <T>(method: string, params?: object) =>
		new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
	const inner = new (nodeClass())();
	let breakdown: Breakdown | undefined;
	const nodeType: INodeType = {
		description: inner.description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			await post('Profiler.enable');
			await post('Profiler.setSamplingInterval', { interval: 250 });
			await post('Profiler.start');
			try {
				return await inner.execute!.call(this);
			} finally {
				const { profile } = await post<{ profile: Parameters<typeof attribute>[0] }>('Profiler.stop');
				breakdown = attribute(profile);
			}
		},
	};
	await sim.reset();
	await runNode({ parameters: parameters(scenario), items: urlItems(scenario.items), credentials: { apiToken: sim.token, apiUrl: sim.url }, nodeType });
	session.disconnect();
	return breakdown!;
}

// ------------------------------------------------------------------ scenarios

interface Scenario {
	label: string;
	source: 'url' | 'binary';
	items: number;
	parallel: number;
	recordsPerRequest: number;
	/** Where n8n keeps the binary items: filesystem (regular mode's default), or in the items as base64 (memory mode, n8n 1.x's default). */
	binaryMode?: 'filesystem' | 'memory';
	/** URL items: how many distinct pictures they point at (all distinct unless said). */
	distinct?: number;
}

interface Row extends Scenario, Probe {
	requests: number;
	/** Records the simulator received (fewer than the items when pictures repeat: each is sent once). */
	records: number;
	expectedRequests: number;
	outputs: number;
	errors: number;
	floorMs: number;
	totalMs: number;
	maxInFlight: number;
	/** CPU the simulator process spent on the scenario's requests (it shares the machine's cores). */
	simulatorCpuMs: number;
	/** Memory scenarios: wall and CPU of the memory run, which had a full GC right before it. */
	afterForcedGc?: { wallMs: number; cpuMs: number };
}

function parameters(scenario: Scenario): INodeParameters {
	const base: INodeParameters = {
		resource: 'image',
		operation: 'recognize',
		service: 'tcgId',
		recordId: '={{ $json.id }}',
		options: { parallelRequests: scenario.parallel, recordsPerRequest: scenario.recordsPerRequest },
	};
	return scenario.source === 'url'
		? { ...base, imageSource: 'url', imageUrl: '={{ $json.url }}' }
		: { ...base, imageSource: 'binary', binaryPropertyName: 'data' };
}

interface Endpoint {
	url: string;
	token: string;
}

type Measured = Probe & { totalMs: number; outputs: number; errors: number };

/** Runs one scenario in this process. */
async function measure(endpoint: Endpoint, sampler: RssSampler | undefined | 'off', scenario: Scenario, small = false, forceGc = true): Promise<Measured> {
	const { nodeType, lastProbe } = measuredNode(sampler, forceGc);
	const items = scenario.source === 'url' ? urlItems(scenario.items, scenario.distinct) : binaryItems(scenario.items, small);
	const start = performance.now();
	const result = await runNode({
		parameters: parameters(scenario),
		items,
		credentials: { apiToken: endpoint.token, apiUrl: endpoint.url },
		nodeType,
		binaryMode: scenario.binaryMode,
		releaseInputs: true,
	});
	const totalMs = performance.now() - start;
	if (result.error) throw new Error(`${scenario.label}: the node failed: ${result.error.message}`);
	return { ...lastProbe(), totalMs, outputs: result.main.length, errors: result.main.filter(isErrorItem).length };
}

/**
 * Runs one scenario in a fresh Node process (this script in worker mode). Used for the
 * memory scenarios: glibc keeps memory a process has freed, so a second big run in the
 * same process reuses it and its RSS growth would read low. `memory`: RSS sampled, a full
 * GC before the run (exact baseline); `speed`: neither, as n8n runs a node.
 */
async function measureInFreshProcess(endpoint: Endpoint, sim: SimulatorProcess, scenario: Scenario, mode: 'memory' | 'speed'): Promise<Measured> {
	const v8Flags = ['--expose-gc', ...(process.env.BENCH_TRACE_GC ? process.env.BENCH_TRACE_GC.split(' ') : [])];
	return await measureInChild<Measured>(__filename, { endpoint, scenario, mode }, { BENCH_WORKER: '1' }, sim, v8Flags);
}

async function workerMain(): Promise<void> {
	const { endpoint, scenario, mode } = childPayload<{ endpoint: Endpoint; scenario: Scenario; mode: 'memory' | 'speed' }>();
	const sampler = mode === 'memory' ? await startRssSampler(2) : 'off';
	try {
		await serveMeasurement(
			// Warm-up with small images: loads and compiles the code paths, allocates little.
			() => measure(endpoint, 'off', { ...scenario, label: 'warm-up', items: 10 }, true, mode === 'memory'),
			() => measure(endpoint, sampler, scenario, false, mode === 'memory'),
		);
	} finally {
		if (sampler !== 'off') sampler?.close();
	}
}

/** The bare client (bareClient.ts) over the images, batches and lanes of a memory row, against the same simulator. */
async function bareRunBeside(sim: SimulatorProcess, row: Row): Promise<BareRun & { simulatorCpuMs: number; floorMs: number }> {
	const bare = await measureBareClient(sim, row.items, row.recordsPerRequest, row.parallel);
	return { ...bare, simulatorCpuMs: (await sim.stats()).cpuMs, floorMs: row.floorMs };
}

async function run(
	sim: SimulatorProcess,
	sampler: RssSampler | undefined,
	scenario: Scenario,
	fresh = false,
): Promise<Row> {
	const endpoint = { url: sim.url, token: sim.token };
	let measured: Measured;
	let afterForcedGc: Row['afterForcedGc'];
	let stats: SimulatorStats;
	if (fresh) {
		// Speed in a run as n8n runs the node; memory in a run of its own after a full GC.
		const speed = await measureInFreshProcess(endpoint, sim, scenario, 'speed');
		stats = await sim.stats();
		const memory = await measureInFreshProcess(endpoint, sim, scenario, 'memory');
		measured = { ...speed, rssGrowth: memory.rssGrowth, hwmGrowth: memory.hwmGrowth, retained: memory.retained };
		afterForcedGc = { wallMs: memory.wallMs, cpuMs: memory.cpuMs };
	} else {
		await sim.reset();
		measured = await measure(endpoint, sampler, scenario);
		stats = await sim.stats();
	}
	return {
		...scenario,
		...measured,
		afterForcedGc,
		requests: stats.requests,
		records: stats.records,
		expectedRequests: Math.ceil((scenario.distinct ?? scenario.items) / scenario.recordsPerRequest),
		floorMs: floorMs(scenario.distinct ?? scenario.items, scenario.recordsPerRequest, scenario.parallel),
		maxInFlight: stats.maxInFlight,
		simulatorCpuMs: stats.cpuMs,
	};
}

// ------------------------------------------------------------------ report

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : fixed(bytes / MB, 1));

/** The same figure in the memory run, right after a forced full GC (shown beside the speed run's). */
const forcedGcNote = (row: Row, figure: (forced: NonNullable<Row['afterForcedGc']>) => string) =>
	row.afterForcedGc ? `; right after a forced full GC (memory run): ${figure(row.afterForcedGc)}` : '';

function machine(): string {
	const cpus = os.cpus();
	return [
		`nproc ${os.availableParallelism?.() ?? cpus.length}`,
		`CPU ${cpus[0]?.model?.trim() ?? 'unknown'}`,
		`memory ${fixed(os.totalmem() / 1024 ** 3, 1)} GiB`,
		`Node ${process.version}`,
		`${os.type()} ${os.release()}`,
	].join(', ');
}

async function main(): Promise<void> {
	const started = performance.now();
	if (!gc) console.warn('warning: run with node --expose-gc (npm run bench does) for a clean RSS baseline');
	const sim = await startSimulatorProcess({ latencyMs: LATENCY_MS, perRecordMs: PER_RECORD_MS });
	const sampler = await startRssSampler(2);
	const log = (text: string) => process.stderr.write(`${text}\n`);
	log(`simulator pid ${sim.pid} at ${sim.url} (${LATENCY_MS} ms + ${PER_RECORD_MS} ms per record)`);
	log(sampler ? 'RSS sampled every 2 ms from a separate process' : 'RSS sampled in-process every 5 ms');

	try {
		// Warm-up (module loading, JIT, n8n-core first use): not reported.
		await run(sim, sampler, { label: 'warm-up', source: 'url', items: 40, parallel: 3, recordsPerRequest: 10 });

		const batched: Row[] = [];
		const baselines = new Map<string, Row>();
		const key = (items: number, parallel: number) => `${items}/${parallel}`;
		for (const parallel of part('url') ? [1, 3] : []) {
			for (const items of [1, 10, 11, 100, 1000]) {
				const scenario: Scenario = { label: `URL x${items}`, source: 'url', items, parallel, recordsPerRequest: MAX_RECORDS };
				const row = await run(sim, sampler, scenario);
				batched.push(row);
				log(`${scenario.label} P=${parallel}: ${fixed(row.wallMs)} ms, ${row.requests} requests`);
				if (items === 1000 && parallel === 1 && !FULL) continue;
				const base = await run(sim, sampler, { ...scenario, label: `${scenario.label} (1/request)`, recordsPerRequest: 1 });
				baselines.set(key(items, parallel), base);
				log(`  1 record/request: ${fixed(base.wallMs)} ms, ${base.requests} requests`);
			}
		}
		// A sheet whose 1000 rows point at 200 pictures: each picture is sent (and billed) once.
		const duplicates = part('url')
			? await run(sim, sampler, { label: 'URL x1000, 200 distinct pictures', source: 'url', items: 1000, distinct: 200, parallel: 3, recordsPerRequest: MAX_RECORDS })
			: undefined;
		if (duplicates) log(`${duplicates.label}: ${duplicates.records} records in ${duplicates.requests} requests, ${fixed(duplicates.wallMs)} ms`);
		const profileOf = !part('url') ? undefined : { label: 'URL x1000', source: 'url' as const, items: 1000, parallel: 3, recordsPerRequest: MAX_RECORDS };
		// Three profiled runs: the one with the median share of the node's own code is shown (one run's attribution is noisy on a shared machine).
		const profiles = profileOf ? [await profileScenario(sim, profileOf), await profileScenario(sim, profileOf), await profileScenario(sim, profileOf)] : [];
		const breakdown = profiles.length ? [...profiles].sort((a, b) => a.node - b.node)[1] : undefined;
		const memory: Row[] = [];
		const binaryScenarios: Array<[Scenario['binaryMode'], number]> = [['filesystem', 100], ['filesystem', 250], ['filesystem', 500], ['memory', 100], ['memory', 500]];
		// BENCH_BINARY=filesystem:500,memory:500 runs only those (for quick checks).
		const only = process.env.BENCH_BINARY?.split(',');
		for (const [binaryMode, items] of part('memory') ? binaryScenarios.filter(([mode, count]) => !only || only.includes(`${mode}:${count}`)) : []) {
			const scenario: Scenario = { label: `binary 1 MB x${items}, ${binaryMode}`, source: 'binary', items, parallel: 3, recordsPerRequest: MAX_RECORDS, binaryMode };
			const row = await run(sim, sampler, scenario, true);
			memory.push(row);
			log(`${scenario.label}: ${fixed(row.wallMs)} ms, ${fixed(row.cpuMs / items, 2)} ms CPU per image, peak RSS +${mb(row.rssGrowth)} MB`);
		}
		// The least any client can do with the memory-mode images, against the same simulator (bareClient.ts).
		const bigMemoryRow = memory.find((row) => row.binaryMode === 'memory' && row.items === 500);
		const bare = bigMemoryRow ? await bareRunBeside(sim, bigMemoryRow) : undefined;
		if (bare) log(`bare http client, ${bare.images} x 1 MB: ${fixed(bare.wallMs)} ms, ${fixed(bare.cpuMs / bare.images, 2)} ms CPU per image`);
		const pacing = part('pacing') ? await pacingBench(log) : undefined;
		const queue = part('queue') ? await queueBench(log) : undefined;
		const workers = part('queue') && !queue ? await workersBench({ workers: 2, runsPerWorker: 2, items: 500, concurrent: 3 }) : undefined;

		// ---------------------------------------------------------------- table
		const lines: string[] = [];
		lines.push(`Machine: ${machine()}`);
		lines.push(`Latency model: ${LATENCY_MS} ms per request + ${PER_RECORD_MS} ms per record; simulator in its own process.`);
		if (process.env.BENCH_DIST) lines.push(`Node build measured: ${process.env.BENCH_DIST} (BENCH_DIST), not dist/.`);
		lines.push('Wall, CPU and RSS are those of the node\'s execute(); floor = the requests at the model\'s latency on `parallel` lanes with zero overhead.');
		lines.push('Binary rows: wall and CPU from a fresh process run as n8n runs a node; RSS and retained memory from a second fresh process with a full GC right before the run.');
		lines.push('');
		lines.push('| scenario | items | records sent | parallel | requests | wall ms | floor ms | wall/floor | 1 rec/req wall ms | speed-up | CPU ms/item | of which n8n parameter resolution | peak RSS growth MB (sampled / kernel) | retained after GC MB | simulator CPU ms/request |');
		lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
		for (const row of [...batched, ...(duplicates ? [duplicates] : []), ...memory]) {
			const base = row.source === 'url' && !row.distinct ? baselines.get(key(row.items, row.parallel)) : undefined;
			lines.push(
				`| ${row.label} | ${row.items} | ${row.records} | ${row.parallel} | ${row.requests} | ${fixed(row.wallMs)} | ${fixed(row.floorMs)} | ` +
					`${fixed(row.wallMs / row.floorMs, 2)} | ${base ? fixed(base.wallMs) : row.source === 'url' && !row.distinct ? 'not run' : '-'} | ` +
					`${base ? `${fixed(base.wallMs / row.wallMs, 2)}x` : '-'} | ${fixed(row.cpuMs / row.items, 3)} | ` +
					`${fixed(row.parameterMs / row.items, 3)} (${fixed(row.parameterCalls / row.items, 1)} reads/item) | ` +
					`${mb(row.rssGrowth)} / ${mb(row.hwmGrowth)} | ${mb(row.retained)} | ${fixed(row.simulatorCpuMs / Math.max(1, row.requests), 1)} |`,
			);
		}

		if (bare) {
			lines.push('');
			lines.push(
				`Bare client beside the memory rows (Node's http module sends the same ${bare.images} base64 texts, ten to a body, three in flight, to the same simulator; no n8n, no checks): ` +
					`wall ${fixed(bare.wallMs)} ms = ${fixed(bare.wallMs / bare.floorMs, 2)} x floor, CPU ${fixed(bare.cpuMs / bare.images, 3)} ms per image, simulator ${fixed(bare.simulatorCpuMs / Math.max(1, bare.requests), 1)} ms CPU per request.`,
			);
		}

		// ---------------------------------------------------------------- checks
		const checks: Check[] = [];
		const all = [...batched, ...(duplicates ? [duplicates] : []), ...memory];
		const wrongCounts = all.filter((row) => row.requests !== row.expectedRequests);
		checks.push({
			name: 'requests = ceil(items / 10) in every batched scenario',
			pass: wrongCounts.length === 0,
			detail: wrongCounts.length
				? wrongCounts.map((row) => `${row.label} P=${row.parallel}: ${row.requests} != ${row.expectedRequests}`).join('; ')
				: all.map((row) => `${row.distinct ?? row.items}->${row.requests}`).join(', '),
		});
		if (duplicates) {
			checks.push({
				name: '#22: 1000 URL items over 200 distinct pictures: each picture sent once (200 records, 20 requests)',
				pass: duplicates.records === 200 && duplicates.requests === 20 && duplicates.errors === 0 && duplicates.outputs === 1000,
				detail: `${duplicates.records} records in ${duplicates.requests} requests for ${duplicates.outputs} outputs: ${duplicates.items - duplicates.records} records (${fixed((100 * (duplicates.items - duplicates.records)) / duplicates.items)}%) not billed`,
			});
		}
		const failedItems = all.filter((row) => row.errors > 0 || row.outputs !== row.items);
		checks.push({
			name: 'one successful output per input item',
			pass: failedItems.length === 0,
			detail: failedItems.length ? failedItems.map((row) => `${row.label}: ${row.outputs} outputs, ${row.errors} errors`).join('; ') : 'all',
		});
		for (const row of batched.filter((r) => r.items === 1000)) {
			checks.push({
				name: `1000 URL items, P=${row.parallel}: wall <= 1.15 x floor`,
				pass: row.wallMs <= 1.15 * row.floorMs,
				detail: `${fixed(row.wallMs)} ms / ${fixed(row.floorMs)} ms = ${fixed(row.wallMs / row.floorMs, 3)}`,
			});
			const base = baselines.get(key(1000, row.parallel));
			const ideal = floorMs(1000, 1, row.parallel) / row.floorMs;
			checks.push({
				name: `1000 URL items, P=${row.parallel}: >= 8x faster than 1 record per request`,
				pass: base === undefined ? undefined : base.wallMs / row.wallMs >= 8,
				detail: base
					? `${fixed(base.wallMs)} / ${fixed(row.wallMs)} ms = ${fixed(base.wallMs / row.wallMs, 2)}x; ` +
						`the latency model caps it at ${fixed(ideal, 2)}x (10 x ${requestLatency(1)} ms vs ${requestLatency(10)} ms per 10 records)`
					: 'not measured (BENCH_FULL=1 measures it, ~85 s)',
			});
		}
		for (const row of batched.filter((r) => r.items === 1000 && r.parallel === 3)) {
			checks.push({
				name: '#14: 1000 URL items, P=3: wall <= 1.08 x floor',
				pass: row.wallMs <= 1.08 * row.floorMs,
				detail: `${fixed(row.wallMs)} ms / ${fixed(row.floorMs)} ms = ${fixed(row.wallMs / row.floorMs, 3)}`,
			});
		}
		if (breakdown && profileOf) {
			// The node's own code: what the profile attributes to it. Process CPU per item (the table)
			// also counts n8n's work for the node (parameters and expressions, its HTTP helper, the
			// engine, garbage collection), which an HTTP Request node pays too: see the pacing table.
			checks.push({
				name: '#22: the node\'s own code <= 0.05 ms per URL item (V8 profile, URL x1000, P=3, median of 3 runs)',
				pass: breakdown.node / profileOf.items <= 0.05,
				detail: profiles.map((profile) => `${fixed(profile.node / profileOf.items, 3)} ms`).join(', ') + ' per item in the three runs',
			});
		}
		const byMode = (mode: Scenario['binaryMode']) => memory.filter((row) => row.binaryMode === mode);
		for (const mode of ['filesystem', 'memory'] as const) {
			const rows = byMode(mode);
			const big = rows.find((row) => row.items === 500);
			if (!big) continue;
			const cpuTarget = mode === 'memory' ? 1.5 : 4;
			const wallTarget = mode === 'memory' ? 1.15 : 1.3;
			const issue = mode === 'memory' ? '#22' : '#14';
			checks.push({
				name: `500 x 1 MB binary, ${mode}: peak RSS growth < 150 MB`,
				pass: big.rssGrowth < 150 * MB,
				detail: `sampled +${mb(big.rssGrowth)} MB, kernel peak +${mb(big.hwmGrowth)} MB`,
			});
			checks.push({
				name: `${issue}: 500 x 1 MB binary, ${mode}, P=3: CPU <= ${cpuTarget} ms per image`,
				pass: big.cpuMs / big.items <= cpuTarget,
				detail:
					`${fixed(big.cpuMs)} ms CPU / ${big.items} images = ${fixed(big.cpuMs / big.items, 2)} ms` +
					forcedGcNote(big, (f) => `${fixed(f.cpuMs / big.items, 2)} ms`) +
					(mode === 'memory' && bare ? `; the bare client: ${fixed(bare.cpuMs / bare.images, 2)} ms` : ''),
			});
			checks.push({
				name: `${issue}: 500 x 1 MB binary, ${mode}, P=3: wall <= ${wallTarget} x floor`,
				pass: big.wallMs <= wallTarget * big.floorMs,
				detail:
					`${fixed(big.wallMs)} ms / ${fixed(big.floorMs)} ms = ${fixed(big.wallMs / big.floorMs, 2)}` +
					forcedGcNote(big, (f) => `${fixed(f.wallMs / big.floorMs, 2)}`) +
					(mode === 'memory' && bare ? `; the bare client: ${fixed(bare.wallMs / big.floorMs, 2)}` : ''),
			});
			const small = rows.find((row) => row.items === 100);
			if (small) {
				const slope = (big.rssGrowth - small.rssGrowth) / (big.items - small.items);
				checks.push({
					name: `binary, ${mode}: RSS flat as items grow (growth 100 -> 500 items < 0.1 MB per extra item)`,
					pass: slope < 0.1 * MB,
					detail: rows.map((row) => `${row.items}: +${mb(row.rssGrowth)} MB`).join(', ') + `; slope ${fixed(slope / 1024, 1)} KB/item`,
				});
			}
			const held = Math.max(...rows.map((row) => row.retained));
			checks.push({
				name: `binary, ${mode}: nothing retained per item (heap + external after GC < 5 MB)`,
				pass: held < 5 * MB,
				detail: rows.map((row) => `${row.items}: ${mb(row.retained)} MB`).join(', '),
			});
		}
		if (breakdown && profileOf) {
			const total = Object.values(breakdown).reduce((sum, ms) => sum + ms, 0);
			const share = (ms: number) => `${fixed(ms / profileOf.items, 3)} ms (${fixed((100 * ms) / total)}%)`;
			lines.push('');
			lines.push(`Where the main thread's CPU goes, ${profileOf.label} at parallel ${profileOf.parallel} (V8 profile of separate runs: the median of three by the node's own code), per item:`);
			lines.push('');
			lines.push('| n8n parameter resolution (getNodeParameter, expressions) | n8n HTTP helper + axios + sockets | the node\'s own code | garbage collection | other (engine, timers, promises) | total |');
			lines.push('|---:|---:|---:|---:|---:|---:|');
			lines.push(`| ${share(breakdown.parameters)} | ${share(breakdown.http)} | ${share(breakdown.node)} | ${share(breakdown.gc)} | ${share(breakdown.other)} | ${fixed(total / profileOf.items, 3)} ms |`);
		}
		if (pacing) {
			lines.push('', ...pacing.lines);
			checks.push(...pacing.checks);
		}
		if (queue) {
			const report = queueReport(queue);
			lines.push('', ...report.lines);
			checks.push(...report.checks);
		} else if (workers) {
			lines.push('', `Queue mode: no n8n in .e2e/n8n, so the same scenario with two Node processes each running two executions through n8n-core's WorkflowExecute (no Redis, no n8n queue): ${describeWorkers(workers)}`);
		}
		lines.push('');
		lines.push('| check | result | figures |');
		lines.push('|---|---|---|');
		const verdict = (check: Check) => (check.pass === undefined ? 'not run' : check.pass ? 'PASS' : 'FAIL');
		for (const check of checks) lines.push(`| ${check.name} | ${verdict(check)} | ${check.detail} |`);
		const decided = checks.filter((check) => check.pass !== undefined);
		lines.push('');
		lines.push(`${decided.filter((check) => check.pass).length} of ${decided.length} checks pass.`);
		lines.push('');
		lines.push(`Bench time: ${fixed((performance.now() - started) / 1000, 1)} s (without the build).`);
		console.log(lines.join('\n'));
	} finally {
		sampler?.close();
		await sim.close();
	}
}

if (process.env.BENCH_WORKER === '1') {
	workerMain().then(
		() => process.exit(0),
		() => process.exit(1),
	);
} else {
	main().then(
		// n8n-core leaves handles open (its instance settings, timers): end explicitly.
		() => process.exit(0),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
