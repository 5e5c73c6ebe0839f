/**
 * Pacing scenarios of the bench: 1000 URL items against the
 * simulator's rate-limit model (C = 3 concurrent requests per token), side by side in one
 * run, then without any server limit against a flood of one request per item.
 *
 * The flood is measured in-process, not with n8n's HTTP Request node: a stand-in node that
 * does what that node does per item (resolves its mapped parameters through n8n, then one
 * request per item through n8n's HTTP helper, all items in flight at once, no retry).
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { runNode } from '../../test/harness/engine';
import { startSimulatorProcess, type SimulatorProcess, type SimulatorStats } from '../../test/support/simulatorProcess';
import { fixed, floorMs, isErrorItem, LATENCY_MS, nodeClass, PER_RECORD_MS, urlItems, type Check } from './model';

const ITEMS = 1000;
const LIMIT_CONCURRENT = 3;
const TCG_PATH = '/collectibles/v2/tcg_id';

interface Endpoint {
	url: string;
	token: string;
}

interface Timed {
	startedAt: number;
	wallMs: number;
	/** Process CPU during the node's execute() (with other runs at once, theirs too). */
	cpuMs: number;
	outputs: number;
	failed: number;
}

/** `inner` with its execute() timed (wall time of the node alone, as the rest of the bench measures) and its process CPU. */
function timedNode(inner: INodeType, sink: (startedAt: number, wallMs: number, cpuMs: number) => void): INodeType {
	return {
		description: inner.description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const start = performance.now();
			const cpu = process.cpuUsage();
			try {
				return (await inner.execute!.call(this)) as INodeExecutionData[][];
			} finally {
				const used = process.cpuUsage(cpu);
				sink(start, performance.now() - start, (used.user + used.system) / 1000);
			}
		},
	};
}

/** What n8n's HTTP Request node does with 1000 items: one request per item, all in flight, no retry. */
function floodNode(): INodeType {
	const { description } = new (nodeClass())();
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const credentials = await this.getCredentials('ximilarApi');
			const url = `${String(credentials.apiUrl)}${TCG_PATH}`;
			const items = this.getInputData();
			const results = await Promise.all(
				items.map(async (_, itemIndex): Promise<INodeExecutionData> => {
					const record = {
						_id: this.getNodeParameter('recordId', itemIndex) as string,
						_url: this.getNodeParameter('imageUrl', itemIndex) as string,
					};
					try {
						const reply = (await this.helpers.httpRequestWithAuthentication.call(this, 'ximilarApi', {
							method: 'POST', url, body: { records: [record] }, json: true,
						})) as { records: IDataObject[] };
						return { json: reply.records[0], pairedItem: { item: itemIndex } };
					} catch (error) {
						return { json: { error: (error as Error).message }, pairedItem: { item: itemIndex } };
					}
				}),
			);
			return [results];
		},
	};
}

function parameters(options: IDataObject | undefined): INodeParameters {
	return {
		resource: 'image', operation: 'recognize', service: 'tcgId', imageSource: 'url',
		imageUrl: '={{ $json.url }}', recordId: '={{ $json.id }}',
		...(options ? { options: options as INodeParameters } : {}),
	};
}

/** One node run of ITEMS URL items; `options` undefined: the node's defaults. */
async function runOnce(endpoint: Endpoint, options: IDataObject | undefined, flood = false): Promise<Timed> {
	let timing = { startedAt: 0, wallMs: 0, cpuMs: 0 };
	const nodeType = timedNode(flood ? floodNode() : new (nodeClass())(), (startedAt, wallMs, cpuMs) => (timing = { startedAt, wallMs, cpuMs }));
	const result = await runNode({
		parameters: parameters(options), items: urlItems(ITEMS), credentials: { apiToken: endpoint.token, apiUrl: endpoint.url },
		nodeType, onError: 'continueRegularOutput',
	});
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);
	return { ...timing, outputs: result.main.length, failed: result.main.filter(isErrorItem).length };
}

interface Row {
	label: string;
	limit: string;
	runs: number;
	recordsPerRequest: number;
	wallMs: number;
	/** Process CPU per item (the runs at once overlap: their CPU is counted once). */
	cpuPerItem: number;
	failed: number;
	outputs: number;
	stats: SimulatorStats;
}

/**
 * One scenario, on a simulator process of its own: a new address is a new account to the
 * node, so no scenario starts with what the node's shared account window (transport/
 * accountWindow.ts) learned in the one before.
 */
async function scenario(
	limited: boolean, label: string, limit: string, options: IDataObject | undefined, runs = 1, flood = false,
): Promise<Row> {
	const sim = await startSimulatorProcess({
		latencyMs: LATENCY_MS, perRecordMs: PER_RECORD_MS, ...(limited ? { rateLimit: { concurrent: LIMIT_CONCURRENT } } : {}),
	});
	try {
		return await measureScenario(sim, label, limit, options, runs, flood);
	} finally {
		await sim.close();
	}
}

async function measureScenario(
	sim: SimulatorProcess, label: string, limit: string, options: IDataObject | undefined, runs: number, flood: boolean,
): Promise<Row> {
	await sim.reset();
	const endpoint = { url: sim.url, token: sim.token };
	const results = await Promise.all(Array.from({ length: runs }, () => runOnce(endpoint, options, flood)));
	const start = Math.min(...results.map((r) => r.startedAt));
	const end = Math.max(...results.map((r) => r.startedAt + r.wallMs));
	return {
		label, limit, runs, recordsPerRequest: flood ? 1 : Number(options?.recordsPerRequest ?? 10), wallMs: end - start,
		cpuPerItem: (runs === 1 ? results[0].cpuMs : Math.max(...results.map((r) => r.cpuMs))) / (ITEMS * runs),
		failed: results.reduce((sum, r) => sum + r.failed, 0), outputs: results.reduce((sum, r) => sum + r.outputs, 0),
		stats: await sim.stats(),
	};
}

const throttled = (row: Row) => row.stats.statuses['429'] ?? 0;
const share429 = (row: Row) => throttled(row) / Math.max(1, row.stats.requests);
/** Wall time the limit allows for this row's records (C lanes, zero overhead) over its measured wall time. */
const ofLimit = (row: Row) => floorMs(ITEMS * row.runs, row.recordsPerRequest, LIMIT_CONCURRENT) / row.wallMs;
const percent = (ratio: number) => `${fixed(100 * ratio, 1)}%`;

export async function pacingBench(log: (text: string) => void): Promise<{ lines: string[]; checks: Check[] }> {
	const limited = true;
	const unlimited = false;
	const rows: Row[] = [];
	const add = (row: Row) => {
		rows.push(row);
		log(`${row.label} (${row.limit}): ${fixed(row.wallMs)} ms, ${row.stats.requests} requests, ${throttled(row)} x 429, ${row.failed} failed items`);
		return row;
	};
	const limit = `C = ${LIMIT_CONCURRENT}`;
	const adaptive = add(await scenario(limited, 'adaptive, Parallel 8', limit, { parallelRequests: 8, adaptToRateLimits: true }));
	add(await scenario(limited, 'fixed Parallel 8', limit, { parallelRequests: 8, adaptToRateLimits: false }));
	add(await scenario(limited, 'fixed Parallel 3', limit, { parallelRequests: 3, adaptToRateLimits: false }));
	add(await scenario(limited, '1 record per request, fixed Parallel 8', limit, { parallelRequests: 8, adaptToRateLimits: false, recordsPerRequest: 1 }));
	const shared = add(await scenario(limited, '4 runs at once (one account), each adaptive, Parallel 8', limit, { parallelRequests: 8, adaptToRateLimits: true }, 4));
	add(await scenario(limited, 'flood: 1 request per item, all in flight', limit, undefined, 1, true));
	const flood = add(await scenario(unlimited, 'flood: 1 request per item, all in flight', 'none', undefined, 1, true));
	const defaults = add(await scenario(unlimited, 'default settings', 'none', undefined));

	const lines = [
		`Pacing: ${ITEMS} URL items per run; the rate-limit model answers 429 (Retry-After: 1) beyond ${LIMIT_CONCURRENT} requests of one token in flight.`,
		'"of the limit": the wall time the limit allows for these records (C lanes, zero overhead) over the measured one. The flood is an in-process',
		'stand-in for n8n\'s HTTP Request node (per item: n8n resolves the mapped parameters, one request through n8n\'s HTTP helper; all in flight, no retry).',
		'',
		'Process CPU per item: the CPU of the whole process during the node\'s execute() (n8n\'s work for the node, its HTTP helper, GC included), per item.',
		'',
		'| scenario | server limit | requests | answered 429 | failed items | wall ms | of the limit | process CPU ms per item |',
		'|---|---|---:|---:|---:|---:|---:|---:|',
		...rows.map((row) =>
			`| ${row.label} | ${row.limit} | ${row.stats.requests} | ${throttled(row)} (${percent(share429(row))}) | ${row.failed} of ${row.outputs} | ` +
				`${fixed(row.wallMs)} | ${row.limit === 'none' ? '-' : percent(ofLimit(row))} | ${fixed(row.cpuPerItem, 3)} |`,
		),
		'',
		`Process CPU per URL item without a server limit, in this run: the node with default settings ${fixed(defaults.cpuPerItem, 3)} ms, ` +
			`the HTTP Request stand-in ${fixed(flood.cpuPerItem, 3)} ms (${fixed(defaults.cpuPerItem / flood.cpuPerItem, 2)}x).`,
	];
	const checks: Check[] = [];
	for (const row of [adaptive, shared]) {
		checks.push(
			{ name: `${row.label}, ${limit}: >= 90% of the throughput the limit allows`, pass: ofLimit(row) >= 0.9, detail: `${percent(ofLimit(row))} (${fixed(row.wallMs)} ms)` },
			{ name: `${row.label}, ${limit}: < 5% of requests answered 429`, pass: share429(row) < 0.05, detail: `${throttled(row)} of ${row.stats.requests} = ${percent(share429(row))}` },
			{ name: `${row.label}, ${limit}: 0 failed items`, pass: row.failed === 0 && row.outputs === ITEMS * row.runs, detail: `${row.failed} failed of ${row.outputs}` },
		);
	}
	checks.push({
		name: 'no server limit: default settings within 1.2x of the flood\'s wall time',
		pass: defaults.wallMs <= 1.2 * flood.wallMs && defaults.failed === 0,
		detail: `${fixed(defaults.wallMs)} ms / ${fixed(flood.wallMs)} ms = ${fixed(defaults.wallMs / flood.wallMs, 2)}x`,
	});
	return { lines, checks };
}
