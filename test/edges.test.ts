/**
 * Safe at the edges, through n8n's engine against the simulator: a spent quota fails the
 * items at once instead of hanging the run; Timeout is a deadline for the whole request; a
 * connection lost while Ximilar answers is reported as possibly processed; free reads are
 * retried and never speak of billing; an answer nested beyond reason is refused, not a crash.
 * Time limits here are generous bounds on runs that take a fraction of them: they catch a
 * hang, not a slow machine.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult } from './harness/engine';
import { urlItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';
import { failureOf } from './support/outputs';

/**
 * Runs of one account share what they learn of its limits (a refusal included), and an
 * account is an API URL with a token: each test uses a token of its own, as a fresh account.
 */
const TOKENS = Array.from({ length: 24 }, (_, i) => `edges-account-${i}`);
const ctx = useSimulator({ tokens: TOKENS });
let token = '';
let tests = 0;
beforeEach(() => {
	token = TOKENS[tests++];
});
const PATH = '/collectibles/v2/tcg_id';
const JOBS = '/account/v2/request/';

const recognize = (options: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'recognize',
	service: 'tcgId',
	imageSource: 'url',
	imageUrl: '={{ $json.url }}',
	options,
});

const run = async (parameters: Record<string, unknown>, count = 1, onError: 'continueRegularOutput' | 'stopWorkflow' = 'continueRegularOutput'): Promise<RunResult> =>
	await runNode({ parameters: parameters as INodeParameters, items: urlItems(count), credentials: { apiToken: token, apiUrl: ctx.sim.url }, onError });

const sent = (path = PATH) => ctx.sim.log.filter((entry) => entry.path === path);
const messages = (result: RunResult) => result.main.map((item) => failureOf(item)?.message);

describe('a spent quota (429 with a Retry-After longer than the run may wait)', () => {
	const spent = (retryAfter: string) => ctx.sim.setRandomFaults({ seed: 1, rate429: 1, retryAfter });

	it.each([
		['adaptive pacing (the default)', {}],
		['fixed Parallel Requests', { adaptToRateLimits: false, recordsPerRequest: 1, parallelRequests: 2 }],
	])('fails all 20 items at once with %s, each saying when Ximilar accepts again', async (_name, options) => {
		spent('3600');
		const started = Date.now();
		const result = await run(recognize(options), 20);
		expect(Date.now() - started).toBeLessThan(60_000);
		expect(result.main).toHaveLength(20);
		for (const [index, message] of messages(result).entries()) {
			expect(message).toMatch(new RegExp(`^Ximilar's rate limit or quota refused the request: Ximilar accepts requests again in (59|60) min \\(at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\) \\[item ${index}\\]$`));
		}
		expect(failureOf(result.main[0])?.description).toContain('Max Wait on Rate Limit');
		expect(result.main[0].json.statusCode).toBe(429);
		// Once Ximilar named the hour, the other requests were not sent to hear it again.
		expect(sent().length).toBeLessThanOrEqual(2);
	});

	it('reads a Retry-After given as a date, and stops the run without Continue On Fail', async () => {
		spent(new Date(Date.now() + 2 * 3600_000).toUTCString());
		const result = await run(recognize(), 3, 'stopWorkflow');
		expect(result.error?.message).toMatch(/^Ximilar's rate limit or quota refused the request: Ximilar accepts requests again in (119 min|2 h) .* \[item 0\]$/);
	});

	it('waits out a Retry-After within the allowed wait, and fails at once when the wait allowed is 0', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status: 429, retryAfter: '1' });
		const waited = await run(recognize());
		expect(failureOf(waited.main[0])).toBeUndefined();
		expect(sent().map((entry) => entry.status)).toEqual([429, 200]);

		ctx.sim.reset();
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status: 429, retryAfter: '1' });
		const impatient = await run(recognize({ maxRateLimitWait: 0 }));
		expect(messages(impatient)[0]).toMatch(/^Ximilar's rate limit or quota refused the request: Ximilar accepts requests again in 1 s.* \[item 0\]$/);
		expect(sent()).toHaveLength(1);
	});

	it('ends a Wait for Result at once when the job\'s status reads are refused past the wait', async () => {
		ctx.sim.asyncJobs.jobMs = 60_000;
		// The submit goes through; every status read after it is refused for an hour.
		ctx.sim.queueFaultsFor(JOBS, { kind: 'delay', ms: 0 }, ...Array.from({ length: 20 }, () => ({ kind: 'status' as const, status: 429, retryAfter: '3600' })));
		const started = Date.now();
		const result = await run({ resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'url', imageUrl: '={{ $json.url }}', waitTimeout: 300 });
		expect(Date.now() - started).toBeLessThan(60_000);
		const failure = failureOf(result.main[0]);
		expect(failure?.message).toMatch(/^Job [\w-]+: Ximilar's rate limit or quota refused the request.* \[item 0\]$/);
		expect(failure?.description).toContain('The job keeps running at Ximilar and is billed once');
	});
});

describe('Timeout is a deadline for the whole request', () => {
	it('ends an answer that trickles one byte at a time', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'trickle', everyMs: 50 });
		const started = Date.now();
		const result = await run(recognize({ timeout: 1 }));
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(messages(result)[0]).toBe('No answer from Ximilar within 1 s (1 attempt) [item 0]');
		expect(failureOf(result.main[0])?.description).toContain('Retry Even When It May Bill Twice');
		expect(sent()).toHaveLength(1);
	});

	it('bounds a Wait for Result, polls included', async () => {
		ctx.sim.asyncJobs.jobMs = 60_000;
		// The second status read hangs: the wait still ends when Wait Timeout says.
		ctx.sim.queueFaultsFor(JOBS, { kind: 'delay', ms: 0 }, { kind: 'delay', ms: 0 }, { kind: 'delay', ms: 30_000 });
		const started = Date.now();
		const result = await run({ resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'url', imageUrl: '={{ $json.url }}', waitTimeout: 3 });
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(messages(result)[0]).toMatch(/^Ximilar job [\w-]+ was not done within 3 s.* \[item 0\]$/);
	});
});

describe('a connection lost while Ximilar answers', () => {
	it('is reported as possibly processed, and not sent again by default', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'cutBody' });
		const result = await run(recognize());
		expect(messages(result)[0]).toBe('The connection to Ximilar was lost after the request was sent: Ximilar may have processed the request (1 attempt) [item 0]');
		expect(failureOf(result.main[0])?.description).toContain('Retry Even When It May Bill Twice');
		expect(sent()).toHaveLength(1);
	});

	it('is sent again when the user chose to', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'cutBody' });
		const result = await run(recognize({ retryMayBill: true }));
		expect(failureOf(result.main[0])).toBeUndefined();
		expect(sent().map((entry) => entry.status)).toEqual([200, 200]);
	});
});

describe('free reads are retried and never speak of billing', () => {
	it('a transient 500 on a job status read does not fail the billed job', async () => {
		ctx.sim.asyncJobs.jobMs = 200;
		ctx.sim.queueFaultsFor(JOBS, { kind: 'delay', ms: 0 }, { kind: 'status', status: 500 }, { kind: 'cutBody' });
		const result = await run({ resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'url', imageUrl: '={{ $json.url }}' });
		expect(failureOf(result.main[0])).toBeUndefined();
		expect(result.main[0].json.image_url).toEqual(expect.any(String));
	});

	it.each([
		['Job > List', { resource: 'job', operation: 'list', limit: 5 }, JOBS],
		['Account > Get Details', { resource: 'account', operation: 'getDetails' }, '/account/v2/details/'],
		['Collection > Get Many', { resource: 'collection', operation: 'getAll', collectionType: 'product', collectionId: 'col-1', returnAll: true }, '/similarity/products-new/v2/allRecords'],
	])('%s: a 502 is retried; when it lasts, the message says nothing of billing', async (_name, parameters, path) => {
		ctx.sim.createCollection('col-1');
		ctx.sim.queueFaultsFor(path, { kind: 'status', status: 502 });
		const once = await run(parameters);
		expect(once.main.filter((item) => failureOf(item) !== undefined)).toEqual([]);
		expect(sent(path).map((entry) => entry.status)).toEqual([502, 200]);

		ctx.sim.reset();
		ctx.sim.createCollection('col-1');
		ctx.sim.queueFaultsFor(path, ...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 502 })));
		const lasting = await run({ ...parameters, options: { maxRetries: 3 } });
		const failure = failureOf(lasting.main[0]);
		expect(failure?.message).toBe('Ximilar failed with HTTP 502 after 4 attempts: Bad gateway [item 0]');
		expect(`${failure?.message} ${failure?.description}`).not.toMatch(/bill/i);
	});
});

describe('an answer nested beyond reason', () => {
	it('is refused as unreadable for its own items; the other items keep their results', async () => {
		const deep = `{"records": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
		ctx.sim.queueFaultsFor(PATH, { kind: 'raw', text: deep });
		const result = await run(recognize({ recordsPerRequest: 1, parallelRequests: 1 }), 2);
		expect(messages(result)).toEqual(["Ximilar's answer could not be read: it is nested deeper than 64 levels [item 0]", undefined]);
		expect(result.main[1].json.name).toEqual(expect.any(String));
	});
});

describe('a job answer the node cannot read', () => {
	it('fails only its item, in words; the other items keep their results; nothing is submitted after the node ended', async () => {
		ctx.sim.asyncJobs.jobMs = 100;
		// Item 0's submit is answered with a list, item 1's with a job whose ID is an object; item 2 goes through.
		ctx.sim.queueFaultsFor(JOBS, { kind: 'raw', text: '[1, 2]' }, { kind: 'raw', text: '{"id": {"nested": true}, "status": "CREATED"}' });
		const result = await run(
			{ resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'url', imageUrl: '={{ $json.url }}', options: { parallelRequests: 1 } },
			3,
		);
		expect(messages(result)[0]).toBe("Ximilar's answer could not be read: it is JSON, but not an object [item 0]");
		expect(messages(result)[1]).toBe('Ximilar accepted the job but sent no readable job ID [item 1]');
		expect(failureOf(result.main[1])?.description).toMatch(/Job > List/);
		expect(failureOf(result.main[2])).toBeUndefined();
		const seen = ctx.sim.log.length;
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(ctx.sim.log.length).toBe(seen);
	});
});
