import { runNode } from './harness/engine';
import { bigImageItem, pngItems } from './harness/items';
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

	it('does not retry a connection lost after the request was sent, and says why', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'reset' });
		const result = await run();
		expect(statuses()).toEqual([0]);
		expect(result.error?.message).toBe('The connection to Ximilar was lost after the request was sent: Ximilar may have processed the request (1 attempt) [item 0]');
		expect(result.error?.description).toContain('Network error ECONNRESET');
		expect(result.error?.description).toContain('Retry Even When It May Bill Twice');
	});

	it('retries a connection lost after sending when the user chose to', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'reset' });
		const result = await run({ retryMayBill: true });
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([0, 200]);
		expect(result.main.map((item) => item.json._id)).toEqual(['row-0', 'row-1', 'row-2']);
	});

	it('retries by default a connection reset before the request was sent', async () => {
		// A body of several MB cannot be fully written before the reset arrives.
		ctx.sim.resetOnArrival(PATH);
		const result = await runNode({
			parameters: recognize() as never,
			items: [bigImageItem(4_000_000, 0)],
			credentials: ctx.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.log.filter((entry) => entry.path === PATH).map((entry) => entry.fault ?? entry.status)).toEqual([
			'resetOnArrival',
			200,
		]);
		expect(result.main.map((item) => item.json._id)).toEqual(['row-0']);
	});

	it.each([true, false])('never retries a 200 reply that is not JSON (retry option %s)', async (retryMayBill) => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'malformed' });
		const result = await run({ retryMayBill });
		expect(statuses()).toEqual([200]);
		expect(result.error?.message).toBe('Ximilar sent a reply that is not JSON [item 0]');
	});

	it.each([500, 502, 504])('does not retry %i by default: Ximilar may have processed the records', async (status) => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status });
		const result = await run();
		expect(statuses()).toEqual([status]);
		expect(result.error?.message).toMatch(new RegExp(`^Ximilar failed with HTTP ${status}: .* \\[item 0\\]$`));
		expect(result.error?.description).toContain('Retry Even When It May Bill Twice');
	});

	it.each([500, 502, 504])('retries %i when the user chose to', async (status) => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status });
		const result = await run({ retryMayBill: true });
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([status, 200]);
	});

	it('retries a timeout only when the user chose to', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'delay', ms: 2500 });
		const declined = await run({ timeout: 1 });
		expect(declined.error?.message).toBe('No answer from Ximilar within 1 s (1 attempt) [item 0]');
		expect(declined.error?.description).toContain('Retry Even When It May Bill Twice');
		expect(ctx.sim.log.filter((entry) => entry.path === PATH)).toHaveLength(1);

		ctx.sim.reset();
		ctx.sim.queueFaultsFor(PATH, { kind: 'delay', ms: 2500 });
		const chosen = await run({ timeout: 1, retryMayBill: true });
		expect(chosen.error).toBeUndefined();
		expect(ctx.sim.log.filter((entry) => entry.path === PATH)).toHaveLength(2);
	});

	it.each([400, 401, 403, 404])('never retries %i', async (status) => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status, body: { detail: 'Nope.' } });
		const result = await run();
		expect(statuses()).toEqual([status]);
		expect(result.error?.message).toMatch(/^.* \[item 0\]$/);
	});

	it('gives up after Max Retries with a clear error', async () => {
		ctx.sim.queueFaultsFor(PATH, ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 503 })));
		const result = await run({ maxRetries: 2 });
		expect(statuses()).toEqual([503, 503, 503]);
		expect(result.error?.message).toBe('Ximilar failed with HTTP 503 after 3 attempts: Service temporarily unavailable, try again later [item 0]');
		expect(result.error?.description).toContain('Max Retries');
	});

	it('times out a slow reply and says which option to change', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'delay', ms: 2500 });
		const result = await run({ timeout: 1, maxRetries: 0 });
		expect(result.error?.message).toBe('No answer from Ximilar within 1 s (1 attempt) [item 0]');
		expect(result.error?.description).toContain('Raise the "Timeout" option');
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
				expect.objectContaining({ error: `Ximilar rejected the request: Bad image batch [item ${i}]`, statusCode: 400 }),
			);
		}
		expect(result.main[10].json._id).toBe('row-10');
		expect(result.main[11].json._id).toBe('row-11');
	});
});
