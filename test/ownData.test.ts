/**
 * No shared or clobbered data: each output item gets its own object,
 * and the fields the node computes (rank, distance, match_count, operation) keep their
 * values when user metadata uses the same names.
 */
import { runNode, type InputItem } from './harness/engine';
import { pngItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();
const COLLECTION = 'clash';

const run = async (parameters: Record<string, unknown>, items: InputItem[]) =>
	await runNode({ parameters: parameters as never, items, credentials: ctx.credentials });

/** Metadata that names every computed field. */
const CLASHING = { rank: 'gold', distance: 'far', match_count: 99, operation: 'mine', query_url: 'not-a-query' };

beforeEach(async () => {
	ctx.sim.createCollection(COLLECTION);
	const inserted = await run(
		{
			resource: 'collection',
			operation: 'insert',
			collectionType: 'product',
			collectionId: COLLECTION,
			recordId: '={{ "p-" + $json.row }}',
			imageSource: 'binary',
			metadata: JSON.stringify(CLASHING),
		},
		pngItems(3),
	);
	expect(inserted.error).toBeUndefined();
	expect(inserted.main.map((item) => item.json.operation)).toEqual(['insert', 'insert', 'insert']);
});

const search = (splitMatches: boolean) => ({
	resource: 'collection',
	operation: 'search',
	collectionType: 'product',
	collectionId: COLLECTION,
	queryBy: 'recordId',
	queryRecordId: 'p-0',
	k: 3,
	fieldsToReturn: '_id, rank, distance, match_count, operation, query_url',
	options: { splitMatches },
});

describe('computed fields win over metadata of the same name', () => {
	it('in the matches of a search', async () => {
		const result = await run(search(false), [{ json: {} }]);
		const matches = result.main[0].json.matches as Array<Record<string, unknown>>;
		expect(matches.map((match) => match.rank)).toEqual([1, 2, 3]);
		expect(matches.every((match) => typeof match.distance === 'number')).toBe(true);
		expect(result.main[0].json).toEqual(expect.objectContaining({ query_id: 'p-0', match_count: 3 }));
	});

	it('in split matches', async () => {
		const result = await run(search(true), [{ json: {} }]);
		expect(result.main.map((item) => [item.json.rank, item.json.match_count, item.json.query_id])).toEqual([
			[1, 3, 'p-0'],
			[2, 3, 'p-0'],
			[3, 3, 'p-0'],
		]);
		expect(result.main.every((item) => typeof item.json.distance === 'number')).toBe(true);
		expect(Object.keys(result.main[0].json).slice(0, 4)).toEqual(['query_id', 'match_count', 'rank', 'distance']);
	});

	it('in the output of get', async () => {
		const result = await run(
			{
				resource: 'collection',
				operation: 'get',
				collectionType: 'product',
				collectionId: COLLECTION,
				recordId: 'p-1',
				fieldsToReturn: '_id, operation',
			},
			[{ json: {} }],
		);
		expect(result.main[0].json.operation).toBe('get');
	});
});

describe('each output item has its own object', () => {
	it('Account Details: one request, one json object per item', async () => {
		const result = await run({ resource: 'account', operation: 'getDetails' }, [{ json: {} }, { json: {} }, { json: {} }]);
		expect(ctx.sim.log.filter((entry) => entry.path === '/account/v2/details/')).toHaveLength(1);
		const [a, b, c] = result.main.map((item) => item.json);
		expect(a).toEqual(b);
		expect(a).not.toBe(b);
		expect(b).not.toBe(c);
	});
});
