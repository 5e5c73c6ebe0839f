import { nodeRunner } from './harness/recognizeRun';
import { pngItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';
import { COLLECTION, collectionParameters as collection, insertParameters, PRODUCT_BASE as BASE, products } from './support/collectionItems';

const ctx = useSimulator();

const run = nodeRunner(ctx);

async function insertProducts(count: number) {
	const result = await run(insertParameters, products(count));
	expect(result.error).toBeUndefined();
	return result;
}

const requestsTo = (method: string) => ctx.sim.log.filter((entry) => entry.path === `${BASE}/${method}`);

beforeEach(() => ctx.sim.createCollection(COLLECTION));

describe('collection upkeep', () => {
	it('inserts 25 items in 3 requests, one output per item, paired', async () => {
		const result = await insertProducts(25);
		expect(requestsTo('insert').map((entry) => entry.recordCount)).toEqual([10, 10, 5]);
		expect(requestsTo('insert').every((entry) => entry.collectionId === COLLECTION)).toBe(true);
		expect(ctx.sim.collection(COLLECTION).size).toBe(25);
		expect(result.main).toHaveLength(25);
		result.main.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual(expect.objectContaining({ operation: 'insert', _id: `sku-${i}` }));
			expect(item.json._base64).toBeUndefined();
		});
		expect(ctx.sim.collection(COLLECTION).get('sku-4')).toEqual(expect.objectContaining({ category: 'bags', price: 14 }));
	});

	it('updates metadata, then get returns it', async () => {
		await insertProducts(3);
		await run(collection('update', { recordId: '={{ $json.sku }}', metadata: '{"price": 99}' }), products(2));
		const got = await run(collection('get', { recordId: '={{ $json.sku }}', fieldsToReturn: 'price, category' }), products(3));
		expect(got.main.map((item) => item.json.price)).toEqual([99, 99, 12]);
		expect(got.main.map((item) => item.json.category)).toEqual(['shoes', 'bags', 'hats']);
		expect(requestsTo('get')).toHaveLength(1);
	});

	it('delete then get reports the records gone, item by item', async () => {
		await insertProducts(4);
		const deleted = await run(collection('delete', { recordId: '={{ $json.sku }}' }), products(2));
		expect(deleted.main.map((item) => item.json._id)).toEqual(['sku-0', 'sku-1']);
		expect(ctx.sim.collection(COLLECTION).size).toBe(2);
		const got = await run(collection('get', { recordId: '={{ $json.sku }}' }), products(4), 'continueRegularOutput');
		expect(got.main.map((item) => item.json.statusCode ?? 200)).toEqual([404, 404, 200, 200]);
		expect(got.main[0].json.error).toBe('Image "sku-0" is not in the collection [item 0]');
		expect(got.main[0].json.errorDescription).toContain('Check the Image ID');
		expect(got.main[2].json._id).toBe('sku-2');
	});
});

describe('search', () => {
	it('finds an inserted image first, by image, with distances in rank order', async () => {
		await insertProducts(12);
		const queries = products(3);
		const result = await run(collection('search', { queryBy: 'image', imageSource: 'binary', k: 5 }), queries);
		expect(result.error).toBeUndefined();
		expect(requestsTo('visualKNN')).toHaveLength(3);
		result.main.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			const matches = item.json.matches as Array<{ _id: string; distance: number; rank: number }>;
			expect(matches).toHaveLength(5);
			expect(matches[0]).toEqual(expect.objectContaining({ _id: `sku-${i}`, rank: 1, distance: 0 }));
			const distances = matches.map((match) => match.distance);
			expect(distances).toEqual([...distances].sort((a, b) => a - b));
			expect(item.json.match_count).toBe(5);
		});
	});

	it('searches by the _id of a record in the collection, honouring k and the filter', async () => {
		await insertProducts(12);
		const result = await run(
			collection('search', {
				queryBy: 'recordId',
				queryRecordId: 'sku-0',
				k: 3,
				fieldsToReturn: 'category, price',
				options: { filter: '{"category": {"$in": ["shoes"]}}' },
			}),
			[{ json: {} }],
		);
		const matches = result.main[0].json.matches as Array<Record<string, unknown>>;
		expect(matches).toHaveLength(3);
		expect(matches[0]).toEqual(expect.objectContaining({ _id: 'sku-0', distance: 0, category: 'shoes', price: 10 }));
		expect(matches.every((match) => match.category === 'shoes')).toBe(true);
		expect(ctx.sim.lastBody(`${BASE}/visualKNN`)).toEqual({
			query_record: { _id: 'sku-0' },
			k: 3,
			fields_to_return: ['_id', 'category', 'price'],
			filter: { category: { $in: ['shoes'] } },
		});
		expect(result.main[0].json.query_id).toBe('sku-0');
	});

	it('splits matches into one item per match, each paired to its query', async () => {
		await insertProducts(6);
		const result = await run(collection('search', { queryBy: 'image', imageSource: 'binary', k: 4, options: { splitMatches: true } }), products(2));
		expect(result.main).toHaveLength(8);
		expect(result.main.map((item) => item.pairedItem)).toEqual([0, 0, 0, 0, 1, 1, 1, 1].map((item) => ({ item })));
		expect(result.main.map((item) => item.json.rank)).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
		expect(result.main[4].json._id).toBe('sku-1');
	});

	it('gives an empty list, not an error, when nothing matches', async () => {
		await insertProducts(3);
		const result = await run(
			collection('search', { queryBy: 'recordId', queryRecordId: 'sku-0', options: { filter: '{"category": "socks"}' } }),
			[{ json: {} }],
		);
		expect(result.error).toBeUndefined();
		expect(result.main[0].json).toEqual(expect.objectContaining({ match_count: 0, matches: [] }));
	});

	it('runs queries with the Parallel Requests limit', async () => {
		await insertProducts(3);
		ctx.sim.reset();
		ctx.sim.createCollection(COLLECTION);
		ctx.sim.latencyMs = 50;
		const items = Array.from({ length: 8 }, () => ({ json: {} }));
		// Eight times the same query: each sent, to fill the lanes.
		await run(collection('search', { queryBy: 'recordId', queryRecordId: 'sku-0', options: { parallelRequests: 2, distinctImagesOnce: false } }), items, 'continueRegularOutput');
		expect(requestsTo('visualKNN')).toHaveLength(8);
		expect(ctx.sim.maxInFlight).toBe(2);
	});

	// As a workflow saved before the older types moved behind the one Legacy Collection choice holds it.
	it('uses the tag-aware method for legacy fashion collections when chosen', async () => {
		ctx.sim.createCollection('fashion-1');
		await run(collection('search', { collectionType: 'fashionLegacy', collectionId: 'fashion-1', searchMethod: 'visualTags', queryBy: 'image', imageSource: 'binary' }), pngItems(1), 'continueRegularOutput');
		expect(ctx.sim.log.map((entry) => entry.path)).toEqual(['/similarity/fashion/v2/visualTagsKNN']);
	});

	it('accepts a custom base path', async () => {
		await insertProducts(2);
		const result = await run(
			collection('search', { collectionType: 'customPath', basePath: 'similarity/products-new/v2/', queryBy: 'recordId', queryRecordId: 'sku-1' }),
			[{ json: {} }],
		);
		expect(result.error).toBeUndefined();
		expect(requestsTo('visualKNN')).toHaveLength(1);
	});
});

describe('clear errors naming the item', () => {
	it('refuses a filter that is not a JSON object, for that item only', async () => {
		await insertProducts(3);
		const items = [{ json: { f: '{"category": "shoes"}' } }, { json: { f: '{category: shoes' } }, { json: { f: '["shoes"]' } }];
		const result = await run(collection('search', { queryBy: 'recordId', queryRecordId: 'sku-0', options: { filter: '={{ $json.f }}' } }), items, 'continueRegularOutput');
		expect(result.main[0].json.matches).toEqual(expect.any(Array));
		expect(result.main[1].json.error).toBe('Filter is not valid JSON: write an object such as {"key": "value"} [item 1]');
		expect(result.main[2].json.error).toBe('Filter must be a JSON object such as {"key": "value"}, not a list [item 2]');
		expect(requestsTo('visualKNN')).toHaveLength(1);
	});

	it('stops on a Collection ID that comes out empty, before any request', async () => {
		// A literally empty required field is refused by n8n itself; an expression can still give ''.
		const result = await run(collection('search', { collectionId: '={{ $json.collection }}', queryBy: 'recordId', queryRecordId: 'a' }), [{ json: {} }]);
		expect(result.error?.message).toBe('Collection ID is empty [item 0]');
		expect(ctx.sim.log).toHaveLength(0);
	});

	it('reports an unknown collection as Ximilar answers it', async () => {
		const result = await run(collection('search', { collectionId: 'no-such-collection', queryBy: 'recordId', queryRecordId: 'a' }), [{ json: {} }]);
		expect(result.error?.message).toBe(`Unknown endpoint or resource at ${BASE}/visualKNN: Collection not found [item 0]`);
		expect(requestsTo('visualKNN')).toHaveLength(1);
	});

	it('fails only the record Ximilar refuses in an insert batch', async () => {
		const items = products(3);
		items[1].json!.sku = '';
		const result = await run(insertParameters, items, 'continueRegularOutput');
		expect(result.main[1].json.error).toBe('Image ID is empty [item 1]');
		expect(requestsTo('insert').map((entry) => entry.recordIds)).toEqual([['sku-0', 'sku-2']]);
	});
});
