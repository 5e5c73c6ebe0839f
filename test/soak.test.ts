/**
 * Fault soak (issues #6, #10): 2000 URL items (and 200 binary ones) against a simulator
 * that fails 10% of requests with 429 (Retry-After: 1), 5% with 500, 2% with a
 * connection reset after the request was read, and 3% of records with a `_status` error.
 * Run with "Retry When Ximilar May Have Processed the Request" off (the default) and on.
 * With Continue On Fail and Max Retries 10, every item must come out once, in order,
 * paired with its input (lost = 0); every failure must be an error item paired to its
 * input, with the reason of the request or record that failed it; no record may be sent
 * again after it succeeded; retries must stay within the limit and honour Retry-After.
 * With the option off, no record may be sent again after an attempt Ximilar may have
 * processed (500, reset); with it on, the soak reports how many were.
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

function parameters(source: 'url' | 'binary', retryMayBill: boolean) {
	return {
		resource: 'image',
		operation: 'recognize',
		service: 'tcgId',
		recordId: '={{ $json.id }}',
		...(source === 'url'
			? { imageSource: 'url', imageUrl: '={{ $json.url }}' }
			: { imageSource: 'binary', binaryPropertyName: 'data' }),
		options: { maxRetries: MAX_RETRIES, parallelRequests: PARALLEL, timeout: 10, retryMayBill },
	};
}

/**
 * Runs the node under random faults. The record predicate is a spy: the simulator asks it
 * only for records it processed and did not fail at random, so the records of a 200
 * answer that it never saw are the ones Ximilar failed (`recordFailRate`).
 */
async function soak(source: 'url' | 'binary', items: InputItem[], seed: number, retryMayBill: boolean) {
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
		parameters: parameters(source, retryMayBill),
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
	errorItems: number;
	/** Input items without exactly one output paired to them. */
	lost: number;
	/** Records that went out in more than one request (any retry, 429 included). */
	sentMoreThanOnce: number;
	/** Records sent again after an attempt Ximilar may have processed (500, reset): possibly billed twice. */
	resentAfterMaybeProcessed: number;
	ms: number;
}

/** What the last request carrying a record came to: the reason its item may fail. */
function expectedFailure(last: RequestLogEntry, failed: boolean): RegExp | undefined {
	if (last.status === 200) return failed ? /Processing failed/ : undefined;
	if (last.status === 500) return /Ximilar failed with HTTP 500/;
	if (last.status === 429) return /rate limit/;
	if (last.status === 0) return /The connection to Ximilar was lost after the request was sent/;
	return /./;
}

/** Every assertion of the soak, on one run. */
function checkSoak(
	count: number,
	run: { result: RunResult; processed: Set<string>; log: RequestLogEntry[]; maxInFlight: number; ms: number },
): Summary {
	const { result, processed, log } = run;
	expect(result.error).toBeUndefined();

	// Ground truth from the simulator: the records it answered with a `_status` error, and
	// the last request each record went out in.
	const answered = log.filter((entry) => entry.status === 200);
	const failedIds = new Set(answered.flatMap((entry) => entry.recordIds).filter((id) => !processed.has(String(id))));
	const lastEntry = new Map<string, RequestLogEntry>();
	for (const entry of log) for (const id of entry.recordIds) lastEntry.set(String(id), entry);

	// Exactly one output per input, in input order, paired with it (nothing lost).
	expect(result.main).toHaveLength(count);
	const unexpected: string[] = [];
	result.main.forEach((item, index) => {
		if (pairedIndex(item) !== index) unexpected.push(`output ${index} is paired with ${JSON.stringify(item.pairedItem)}`);
		const failure = failureOf(item);
		const id = recordId(index);
		const last = lastEntry.get(id);
		if (!last) {
			unexpected.push(`${id} was never sent`);
			return;
		}
		const reason = expectedFailure(last, failedIds.has(id));
		if (!failure) {
			if (reason) unexpected.push(`output ${index}: its last request got ${last.status} but the node reports a result`);
			if (item.json._id !== id) unexpected.push(`output ${index} has _id ${String(item.json._id)}`);
			return;
		}
		// A failure: an error item naming its item and giving the reason of its request or record.
		if (!failure.message.endsWith(` [item ${index}]`) || !reason || !reason.test(failure.message)) {
			unexpected.push(`output ${index}: ${failure.message} (last request: ${last.status})`);
		}
		if (item.json._id !== undefined && item.json._id !== id) unexpected.push(`error ${index} has _id ${String(item.json._id)}`);
	});
	expect(unexpected).toEqual([]);
	const errorItems = result.main.filter((item) => failureOf(item)).length;
	const pairedTo = result.main.map(pairedIndex);
	const lost = Array.from({ length: count }, (_, index) => index).filter(
		(index) => pairedTo.filter((paired) => paired === index).length !== 1,
	).length;
	expect(lost).toBe(0);

	// No record sent again once it succeeded; each batch retried within the limit.
	const okCount = new Map<string, number>();
	const sentCount = new Map<string, number>();
	const attempts = new Map<string, RequestLogEntry[]>();
	const maybeProcessed = new Set<string>();
	const resentAfterMaybeProcessed = new Set<string>();
	for (const entry of log) {
		const key = entry.recordIds.join(',');
		attempts.set(key, [...(attempts.get(key) ?? []), entry]);
		for (const id of entry.recordIds.map(String)) {
			sentCount.set(id, (sentCount.get(id) ?? 0) + 1);
			if (maybeProcessed.has(id)) resentAfterMaybeProcessed.add(id);
			if (entry.status === 500 || entry.status === 0) maybeProcessed.add(id);
			if (entry.status === 200) okCount.set(id, (okCount.get(id) ?? 0) + 1);
		}
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
	return {
		requests: log.length,
		faults,
		failedRecords: failedIds.size,
		errorItems,
		lost,
		sentMoreThanOnce: [...sentCount.values()].filter((times) => times > 1).length,
		resentAfterMaybeProcessed: resentAfterMaybeProcessed.size,
		ms: run.ms,
	};
}

/** The figures the soak reports, one line per run. */
function report(label: string, count: number, summary: Summary): void {
	// eslint-disable-next-line no-console
	console.log(
		`soak ${label}: items=${count} lost=${summary.lost} requests=${summary.requests} faults=${JSON.stringify(summary.faults)} ` +
			`errorItems=${summary.errorItems} (records Ximilar failed: ${summary.failedRecords}) ` +
			`recordsSentMoreThanOnce=${summary.sentMoreThanOnce} resentAfterMaybeProcessed=${summary.resentAfterMaybeProcessed} ms=${summary.ms}`,
	);
}

describe.each([false, true])('with "Retry When Ximilar May Have Processed the Request" %s', (retryMayBill) => {
	it('2000 URL items under 429 / 500 / reset / record faults: every item once, in order, paired, every failure explained', async () => {
		const count = 2000;
		const items = Array.from({ length: count }, (_, index) => ({
			json: { id: recordId(index), url: `https://img.example.com/card-${index}.jpg` },
		}));
		const summary = checkSoak(count, await soak('url', items, 6, retryMayBill));
		report(`url retryMayBill=${retryMayBill}`, count, summary);
		// The soak must really have exercised every fault.
		expect(summary.faults['status 429']).toBeGreaterThan(0);
		expect(summary.faults['status 500']).toBeGreaterThan(0);
		expect(summary.faults.reset).toBeGreaterThan(0);
		expect(summary.failedRecords).toBeGreaterThan(0);
		expect(summary.sentMoreThanOnce).toBeGreaterThan(0);
		if (retryMayBill) {
			// Every request failure was retried until it succeeded: only Ximilar's record failures remain.
			expect(summary.resentAfterMaybeProcessed).toBeGreaterThan(0);
			expect(summary.errorItems).toBe(summary.failedRecords);
		} else {
			expect(summary.resentAfterMaybeProcessed).toBe(0);
			expect(summary.errorItems).toBeGreaterThan(summary.failedRecords);
		}
		// How fast is the benchmark's question (BENCHMARKS.md); here only that it ends, with every item.
	}, 180_000);

	it('200 binary items under the same faults', async () => {
		const count = 200;
		const items = Array.from({ length: count }, (_, index) => ({
			json: { id: recordId(index) },
			binary: { data: { data: makeJpeg(index), mimeType: 'image/jpeg', fileName: `card-${index}.jpg` } },
		}));
		const summary = checkSoak(count, await soak('binary', items, 7, retryMayBill));
		report(`binary retryMayBill=${retryMayBill}`, count, summary);
		expect(summary.requests).toBeGreaterThanOrEqual(count / 10);
		expect(summary.resentAfterMaybeProcessed === 0).toBe(!retryMayBill || summary.faults['status 500'] === undefined);
	}, 120_000);
});
