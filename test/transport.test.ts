import { runNode } from './harness/engine';
import { pngItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();
const PATH = '/collectibles/v2/tcg_id';

const recognize = (options: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'recognize',
	service: 'tcgId',
	imageSource: 'binary',
	recordId: '={{ "row-" + $json.row }}',
	options,
});

const run = async (options: Record<string, unknown> = {}, count = 3) =>
	await runNode({ parameters: recognize(options) as never, items: pngItems(count), credentials: ctx.credentials });

const statuses = () => ctx.sim.log.filter((entry) => entry.path === PATH).map((entry) => entry.status);

describe('retries', () => {
	it('retries 503 twice, then succeeds with every output', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([503, 503, 200]);
		expect(result.main.map((item) => item.json._id)).toEqual(['row-0', 'row-1', 'row-2']);
	});

	it('honours Retry-After given as an HTTP date', async () => {
		const inOneSecond = new Date(Date.now() + 1500).toUTCString();
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status: 429, retryAfter: inOneSecond });
		const started = Date.now();
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
		expect(statuses()).toEqual([429, 200]);
	});

	it('retries a reset connection and a reply that is not JSON', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'reset' }, { kind: 'malformed' });
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([0, 200, 200]);
		expect(result.main).toHaveLength(3);
	});

	it.each([400, 401, 403, 404])('never retries %i', async (status) => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status, body: { detail: 'Nope.' } });
		const result = await run();
		expect(statuses()).toEqual([status]);
		expect(result.error?.message).toMatch(/^Item 0: /);
	});

	it('gives up after Max Retries with a clear error', async () => {
		ctx.sim.queueFaultsFor(PATH, ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 502 })));
		const result = await run({ maxRetries: 2 });
		expect(statuses()).toEqual([502, 502, 502]);
		expect(result.error?.message).toMatch(/^Item 0: Ximilar failed with HTTP 502 after 3 attempts/);
		expect(result.error?.description).toContain('Max Retries');
	});

	it('times out a slow reply and says which option to change', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'delay', ms: 2500 });
		const result = await run({ timeout: 1, maxRetries: 0 });
		expect(result.error?.message).toBe('Item 0: No answer from Ximilar within 1 s (1 attempt)');
		expect(result.error?.description).toContain('Timeout');
	});

	it('fails every item of a batch whose request failed, and only those', async () => {
		// The first request (items 0-9) fails for good; the second (items 10-11) succeeds.
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status: 400, body: { detail: 'Bad image batch.' } });
		const result = await runNode({
			parameters: recognize({ parallelRequests: 1 }) as never,
			items: pngItems(12),
			credentials: ctx.credentials,
			onError: 'continueRegularOutput',
		});
		expect(result.main).toHaveLength(12);
		for (let i = 0; i < 10; i++) {
			expect(result.main[i].json).toEqual(
				expect.objectContaining({ error: `Item ${i}: Ximilar rejected the request: Bad image batch`, statusCode: 400 }),
			);
		}
		expect(result.main[10].json._id).toBe('row-10');
		expect(result.main[11].json._id).toBe('row-11');
	});
});
