/**
 * Adaptive pacing, through n8n's engine against the simulator's rate-limit
 * model: no item fails under a limit, few requests are answered 429, every throttled
 * request waits its Retry-After, nothing is processed twice, and with no limit the node
 * goes well past the old fixed 3 requests in flight.
 */
import { runNode, type RunResult } from './harness/engine';
import { urlItems } from './harness/items';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import type { RequestLogEntry } from './simulator';
import { failureOf, pairedIndex } from './support/outputs';

/**
 * The node's runs of one account share what they learn about its limits (transport/
 * accountWindow.ts), and an account is an API URL with a token: each test uses a token of
 * its own, so it starts as a fresh account would.
 */
const TOKENS = Array.from({ length: 12 }, (_, i) => `pacing-account-${i}`);
const ctx = useSimulator({ tokens: TOKENS });
let token = '';
let tests = 0;
beforeEach(() => {
	token = TOKENS[tests++];
});
const TCG = '/collectibles/v2/tcg_id';

const recognize = (options: Record<string, unknown> = {}) => urlRecognizeParameters(Object.keys(options).length ? { options } : {});

async function run(options: Record<string, unknown>, count: number): Promise<RunResult> {
	const credentials = { apiToken: token, apiUrl: ctx.sim.url };
	return await runNode({ parameters: recognize(options) as never, items: urlItems(count), credentials, onError: 'continueRegularOutput' });
}

/** Every item has its own result, in order, paired; each record was processed once. */
function expectAllProcessedOnce(result: RunResult, count: number, log: RequestLogEntry[]): void {
	expect(result.error).toBeUndefined();
	expect(result.main).toHaveLength(count);
	const wrong = result.main.filter((item, index) => failureOf(item) || pairedIndex(item) !== index || item.json._id !== `row-${index}`);
	expect(wrong.map((item) => failureOf(item)?.message ?? item.json._id)).toEqual([]);
	const processed = log.filter((entry) => entry.status === 200).flatMap((entry) => entry.recordIds);
	expect(processed).toHaveLength(count);
	expect(new Set(processed).size).toBe(count);
}

/** For each request answered 429, when the same records went again (ms after the 429 ended). */
function resendGaps(log: RequestLogEntry[]): number[] {
	return log.flatMap((entry, position) => {
		if (entry.status !== 429) return [];
		const again = log.slice(position + 1).find((later) => later.recordIds.join() === entry.recordIds.join());
		return again ? [again.startedAt - entry.endedAt] : [];
	});
}

describe('adaptive pacing under a rate limit', () => {
	it('Parallel 8 against 2 concurrent requests allowed: no failed item, few 429s, each throttled batch waits its Retry-After', async () => {
		ctx.sim.latencyMs = 60;
		ctx.sim.setRateLimit({ concurrent: 2 });
		const result = await run({ parallelRequests: 8 }, 300);
		const log = [...ctx.sim.log];
		expectAllProcessedOnce(result, 300, log);
		const throttled = log.filter((entry) => entry.status === 429);
		expect(throttled.length).toBeGreaterThan(0); // it did meet the limit
		expect(throttled.length / log.length).toBeLessThan(0.1);
		const gaps = resendGaps(log);
		expect(gaps).toHaveLength(throttled.length);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 - 20); // Retry-After: 1
	});

	it('with fixed pacing the same limit fails items once Max Retries is spent (what adapting avoids)', async () => {
		ctx.sim.latencyMs = 60;
		ctx.sim.setRateLimit({ concurrent: 2 });
		const result = await run({ parallelRequests: 8, adaptToRateLimits: false, maxRetries: 0 }, 100);
		const failed = result.main.filter((item) => failureOf(item));
		expect(failed.length).toBeGreaterThan(0);
		expect(failed.every((item) => item.json.statusCode === 429)).toBe(true);
	});

	it('a per-minute quota: 0 failed items, every retry after Retry-After, and a Requests per Minute cap avoids the 429s', async () => {
		ctx.sim.setRateLimit({ perWindow: 3, windowMs: 1500 });
		const result = await run({ parallelRequests: 8 }, 60);
		const log = [...ctx.sim.log];
		expectAllProcessedOnce(result, 60, log);
		const throttled = log.filter((entry) => entry.status === 429);
		expect(throttled.length).toBeGreaterThan(0);
		expect(throttled.length).toBeLessThanOrEqual(4);
		const gaps = resendGaps(log);
		expect(gaps).toHaveLength(throttled.length);
		// the window model's Retry-After: whole seconds (at least 1) until the oldest request leaves the window
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 - 20);

		ctx.sim.reset();
		ctx.sim.setRateLimit({ perWindow: 1, windowMs: 200 });
		const capped = await run({ parallelRequests: 8, requestsPerMinute: 120 }, 50); // one start per 500 ms
		const cappedLog = [...ctx.sim.log];
		expectAllProcessedOnce(capped, 50, cappedLog);
		expect(cappedLog.filter((entry) => entry.status === 429)).toEqual([]);
		const starts = cappedLog.map((entry) => entry.startedAt);
		// 500 ms apart when they leave (arrivals jitter on a busy machine, so the span is checked)
		expect(starts[starts.length - 1] - starts[0]).toBeGreaterThanOrEqual((starts.length - 1) * 500 - 150);
	});
});

describe('runs of one account', () => {
	it('share what they learn: three runs at once stay under the limit together, and the next run starts at the level they found', async () => {
		ctx.sim.latencyMs = 40;
		ctx.sim.setRateLimit({ concurrent: 1 });
		const runs = await Promise.all([run({ parallelRequests: 8 }, 100), run({ parallelRequests: 8 }, 100), run({ parallelRequests: 8 }, 100)]);
		const log = [...ctx.sim.log];
		for (const result of runs) {
			expect(result.error).toBeUndefined();
			expect(result.main.filter((item, index) => failureOf(item) || pairedIndex(item) !== index || item.json._id !== `row-${index}`)).toEqual([]);
		}
		const throttled = log.filter((entry) => entry.status === 429);
		expect(throttled.length).toBeGreaterThan(0); // they did meet the limit
		// Each run pacing alone would keep at least one request in flight: three against a limit of one.
		expect(throttled.length / log.length).toBeLessThan(0.15);

		ctx.sim.reset();
		ctx.sim.latencyMs = 40;
		ctx.sim.setRateLimit({ concurrent: 1 });
		const next = await run({ parallelRequests: 8 }, 100);
		expect(next.main.filter((item) => failureOf(item))).toEqual([]);
		// A fresh account starts with 2 in flight; this run starts at the 1 the others found: its
		// first request goes alone. A second after the last 429 it tries 2 again (one 429 at most).
		const nextLog = [...ctx.sim.log];
		expect(nextLog.slice(0, 2).map((entry) => [entry.inFlight, entry.status])).toEqual([[1, 200], [1, 200]]);
		expect(nextLog.filter((entry) => entry.status === 429).length).toBeLessThanOrEqual(1);
	});
});

describe('adaptive pacing without a limit', () => {
	it('default settings go past the old fixed 3 requests in flight, up to Parallel Requests', async () => {
		// Slow enough answers that requests, not the reading of items, are what waits (even on a busy machine).
		ctx.sim.latencyMs = 250;
		const result = await run({}, 600);
		expectAllProcessedOnce(result, 600, [...ctx.sim.log]);
		expect(ctx.sim.maxInFlight).toBeGreaterThan(8);
		expect(ctx.sim.maxInFlight).toBeLessThanOrEqual(32);

		ctx.sim.reset();
		ctx.sim.latencyMs = 60;
		await run({ parallelRequests: 4 }, 300);
		expect(ctx.sim.maxInFlight).toBe(4);
		expect(ctx.sim.log.filter((entry) => entry.path === TCG)).toHaveLength(30);
	});

});
