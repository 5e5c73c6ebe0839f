import { runNode } from './harness/engine';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();
const account = { resource: 'account', operation: 'getDetails' };

describe('Account Details', () => {
	it('sends one request for many items and pairs one output with each input', async () => {
		const items = Array.from({ length: 5 }, (_, i) => ({ json: { row: i } }));
		const result = await runNode({ parameters: account, items, credentials: ctx.credentials });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.log).toHaveLength(1);
		expect(result.main).toHaveLength(5);
		result.main.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual(expect.objectContaining({ email: expect.any(String), credits_counter: expect.any(Number) }));
		});
	});

	it('gives one item for the single empty item of a manual run', async () => {
		const result = await runNode({ parameters: account, credentials: ctx.credentials });
		expect(result.main).toHaveLength(1);
		expect(result.main[0].pairedItem).toEqual({ item: 0 });
	});

	it('throws a clear error for a rejected token, without retrying', async () => {
		const result = await runNode({
			parameters: account,
			credentials: { ...ctx.credentials, apiToken: 'wrong-token' },
		});
		expect(result.error?.message).toBe('The API token was rejected: check the Ximilar credential [item 0]');
		expect(result.error?.description).toBe(
			'Ximilar answered 401: Invalid token. Copy the token again from the Ximilar App (Settings > API token).',
		);
		expect(ctx.sim.log).toHaveLength(1);
	});

	it('with Continue On Fail gives each input item an error item', async () => {
		const result = await runNode({
			parameters: account,
			items: [{ json: { a: 1 } }, { json: { a: 2 } }],
			credentials: { ...ctx.credentials, apiToken: 'wrong-token' },
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.main[1].json.error).toBe('The API token was rejected: check the Ximilar credential [item 1]');
		expect(result.main[1].json.statusCode).toBe(401);
	});
});
