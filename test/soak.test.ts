/**
 * Fault soak (issue #6): 2000 URL items (and 200 binary ones) against a simulator that
 * fails 10% of requests with 429 (Retry-After: 1), 5% with 500, 2% with a connection
 * reset, and 3% of records with a `_status` error. With Continue On Fail and Max Retries
 * 10, every item must come out once, in order, paired with its input; only the records
 * Ximilar failed may be error items, each with its reason; no record may be sent again
 * after it succeeded; retries must stay within the limit and honour Retry-After.
 */
import type { IDataObject } from 'n8n-workflow';

import { makeJpeg } from './fixtures/images';
import { runNode, type InputItem, type RunResult } from './harness/engine';
import { XimilarSimulator, type RequestLogEntry } from './simulator';
import { failureOf, pairedIndex } from './support/outputs';

const TOKEN = 'sim-token-soak-0000000006';
const MAX_RETRIES = 10;
const PARALLEL = 3;
const RETRY_AFTER_S = 1;
const FAULTS = { rate429: 0.1, retryAfter: String(RETRY_AFTER_S), rate500: 0.05, rateReset: 0.02, recordFailRate: 0.03 };

let sim: XimilarSimulator;
beforeAll(async () => {
	sim = await XimilarSimulator.start({ tokens: [TOKEN], latencyMs: 5 });
});
afterAll(async () => await sim.close());

const recordId = (index: number) => `r-${index}`;

function parameters(source: 'url' | 'binary') {
	return {
		resource: 'image',
		operation: 'recognize',
		service: 'tcgId',
		recordId: '={{ $json.id }}',
		...(source === 'url'
			? { imageSource: 'url', imageUrl: '={{ $json.url }}' }
			: { imageSource: 'binary', binaryPropertyName: 'data' }),
		options: { maxRetries: MAX_RETRIES, parallelRequests: PARALLEL, timeout: 10 },
	};
}

/**
 * Runs the node under random faults. The record predicate is a spy: the simulator asks it
 * only for records it processed and did not fail at random, so the records of a 200
 * answer that it never saw are the ones Ximilar failed (`recordFailRate`).
 */
async function soak(source: 'url' | 'binary', items: InputItem[], seed: number) {
	sim.reset();
	sim.setRandomFaults({ seed, ...FAULTS });
	// One of each request fault up front, so that every kind is exercised whatever the draw.
	sim.queueFaults(
		{ kind: 'status', status: 429, retryAfter: String(RETRY_AFTER_S) },
		{ kind: 'status', status: 500 },
		{ kind: 'reset' },
	);
	const processed = new Set<string>();
	sim.failRecordsWhere((record: IDataObject) => {
		processed.add(String(record._id));
		return false;
	});
	const started = Date.now();
	const result = await runNode({
		parameters: parameters(source),
		items,
		credentials: { apiToken: TOKEN, apiUrl: sim.url },
		onError: 'continueRegularOutput',
	});
	return { result, processed, log: [...sim.log], maxInFlight: sim.maxInFlight, ms: Date.now() - started };
}

interface Summary {
	requests: number;
	faults: Record<string, number>;
	failedRecords: number;
	ms: number;
}

/** Every assertion of the soak, on one run. */
function checkSoak(
	count: number,
	run: { result: RunResult; processed: Set<string>; log: RequestLogEntry[]; maxInFlight: number; ms: number },
): Summary {
	const { result, processed, log } = run;
	expect(result.error).toBeUndefined();

	// Ground truth from the simulator: the records it answered with a `_status` error.
	const answered = log.filter((entry) => entry.status === 200);
	const failedIds = new Set(answered.flatMap((entry) => entry.recordIds).filter((id) => !processed.has(String(id))));

	// Exactly one output per input, in input order, paired with it.
	expect(result.main).toHaveLength(count);
	const unexpected: string[] = [];
	result.main.forEach((item, index) => {
		if (pairedIndex(item) !== index) unexpected.push(`output ${index} is paired with ${JSON.stringify(item.pairedItem)}`);
		const failure = failureOf(item);
		const id = recordId(index);
		if (!failure) {
			if (item.json._id !== id) unexpected.push(`output ${index} has _id ${String(item.json._id)}`);
			if (failedIds.has(id)) unexpected.push(`output ${index}: Ximilar failed ${id} but the node reports a result`);
			return;
		}
		// A failed record: an error item naming its item and giving Ximilar's reason.
		if (!failure.message.startsWith(`Item ${index}: `) || !/Processing failed/.test(failure.message) || !failedIds.has(id)) {
			unexpected.push(`output ${index}: ${failure.message}`);
		}
		if (item.json._id !== undefined && item.json._id !== id) unexpected.push(`error ${index} has _id ${String(item.json._id)}`);
	});
	expect(unexpected).toEqual([]);
	const errorCount = result.main.filter((item) => failureOf(item)).length;
	expect(errorCount).toBe(failedIds.size);

	// No record sent again once it succeeded; each batch retried within the limit.
	const okCount = new Map<string, number>();
	const attempts = new Map<string, RequestLogEntry[]>();
	for (const entry of log) {
		const key = entry.recordIds.join(',');
		attempts.set(key, [...(attempts.get(key) ?? []), entry]);
		if (entry.status !== 200) continue;
		for (const id of entry.recordIds) okCount.set(String(id), (okCount.get(String(id)) ?? 0) + 1);
	}
	const sentTwice = [...okCount].filter(([, times]) => times > 1);
	expect(sentTwice).toEqual([]);
	const allIds = log.flatMap((entry) => entry.recordIds.map(String));
	expect(new Set(allIds)).toEqual(new Set(Array.from({ length: count }, (_, index) => recordId(index))));
	const overLimit: string[] = [];
	const afterSuccess: string[] = [];
	const earlyRetries: string[] = [];
	for (const [key, entries] of attempts) {
		if (entries.length > MAX_RETRIES + 1) overLimit.push(`${key}: ${entries.length} attempts`);
		const success = entries.findIndex((entry) => entry.status === 200);
		if (success >= 0 && success !== entries.length - 1) afterSuccess.push(key);
		entries.forEach((entry, position) => {
			const retry = entries[position + 1];
			// Retry-After: 1 on a 429 means the next attempt waits at least a second.
			if (entry.status === 429 && retry && retry.startedAt - entry.endedAt < RETRY_AFTER_S * 1000 - 50) {
				earlyRetries.push(`${key}: retried ${retry.startedAt - entry.endedAt} ms after a 429`);
			}
		});
	}
	expect(overLimit).toEqual([]);
	expect(afterSuccess).toEqual([]);
	expect(earlyRetries).toEqual([]);
	expect(run.maxInFlight).toBeLessThanOrEqual(PARALLEL);

	const faults: Record<string, number> = {};
	for (const entry of log) {
		if (!entry.fault) continue;
		const kind = entry.status ? `${entry.fault} ${entry.status}` : entry.fault;
		faults[kind] = (faults[kind] ?? 0) + 1;
	}
	return { requests: log.length, faults, failedRecords: failedIds.size, ms: run.ms };
}

it('2000 URL items under 429 / 500 / reset / record faults: every item once, in order, paired, nothing resent', async () => {
	const count = 2000;
	const items = Array.from({ length: count }, (_, index) => ({
		json: { id: recordId(index), url: `https://img.example.com/card-${index}.jpg` },
	}));
	const summary = checkSoak(count, await soak('url', items, 6));
	// The soak must really have exercised every fault.
	expect(summary.faults['status 429']).toBeGreaterThan(0);
	expect(summary.faults['status 500']).toBeGreaterThan(0);
	expect(summary.faults.reset).toBeGreaterThan(0);
	expect(summary.failedRecords).toBeGreaterThan(0);
	expect(summary.ms).toBeLessThan(45_000);
}, 55_000);

it('200 binary items under the same faults', async () => {
	const count = 200;
	const items = Array.from({ length: count }, (_, index) => ({
		json: { id: recordId(index) },
		binary: { data: { data: makeJpeg(index), mimeType: 'image/jpeg', fileName: `card-${index}.jpg` } },
	}));
	const summary = checkSoak(count, await soak('binary', items, 7));
	expect(summary.requests).toBeGreaterThanOrEqual(count / 10);
	expect(summary.ms).toBeLessThan(20_000);
}, 30_000);
