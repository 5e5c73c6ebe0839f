/**
 * Collections of both generations, and insert / update / delete / get answers matched to
 * the items by `_id` (docs/ximilar-api.md §13): engine tests against the simulator.
 */
import { nodeRunner } from './harness/recognizeRun';
import { pngItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';
import { failureOf, pairedIndex } from './support/outputs';
import { COLLECTION, collectionParameters as collection, insertParameters, PRODUCT_BASE, products } from './support/collectionItems';

const ctx = useSimulator();
const run = nodeRunner(ctx);
const requestsTo = (method: string) => ctx.sim.log.filter((entry) => entry.path === `${PRODUCT_BASE}/${method}`);

beforeEach(() => ctx.sim.createCollection(COLLECTION));

/** Puts records in the collection through the node, then clears the log. */
async function seed(indexes: number[]) {
	for (const index of indexes) await run(insertParameters, products(1, index));
	expect(ctx.sim.collection(COLLECTION).size).toBe(indexes.length);
	ctx.sim.log.length = 0;
}

describe('insert, update, delete and get matched by _id', () => {
	it('a partial insert where 3 of 10 are duplicates: 7 succeed, 3 fail with the duplicate message, all paired', async () => {
		await seed([2, 5, 7]);
		const result = await run(insertParameters, products(10), 'continueRegularOutput');
		expect(requestsTo('insert').map((entry) => entry.recordCount)).toEqual([10]); // one request, nothing sent twice
		expect(result.main).toHaveLength(10);
		expect(result.main.map(pairedIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		result.main.forEach((item, i) => {
			if ([2, 5, 7].includes(i)) {
				expect(failureOf(item)?.message).toBe(`Image "sku-${i}" is already in the collection [item ${i}]`);
				expect(failureOf(item)?.description).toContain('Use Update');
				expect(item.json).toEqual(expect.objectContaining({ statusCode: 411, statusText: 'record duplicate', _id: `sku-${i}` }));
			} else {
				expect(failureOf(item)).toBeUndefined();
				expect(item.json).toEqual(expect.objectContaining({ operation: 'insert', _id: `sku-${i}`, status_code: 200 }));
				expect(Object.keys(item.json).slice(-2)).toEqual(['_id', 'status_code']);
				expect(item.json._status).toBeUndefined();
			}
		});
		expect(ctx.sim.collection(COLLECTION).size).toBe(10);
	});

	it('a request of only duplicates (status 411 in a 200 answer) fails each item with its own reason', async () => {
		await seed([0, 1]);
		const result = await run(insertParameters, products(2), 'continueRegularOutput');
		expect(result.main.map((item) => [item.json._id, item.json.statusCode])).toEqual([['sku-0', 411], ['sku-1', 411]]);
	});

	it('capacity: records past the hard capacity fail with 412, the others are inserted', async () => {
		ctx.sim.setCollectionCapacity(COLLECTION, 5);
		const result = await run(insertParameters, products(8), 'continueRegularOutput');
		expect(result.main.map((item) => item.json.statusCode ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 412, 412, 412]);
		expect(failureOf(result.main[5])?.message).toContain('the collection is full');
		// Another run when the collection is full: Ximilar answers HTTP 412 with the records listed.
		const again = await run(insertParameters, products(2, 20), 'continueRegularOutput');
		expect(requestsTo('insert').at(-1)?.status).toBe(412);
		expect(again.main.map((item) => [item.json._id, item.json.statusCode])).toEqual([['sku-20', 412], ['sku-21', 412]]);
	});

	it('delete: records not in the collection fail alone (206), the others are deleted', async () => {
		await seed([0, 2]);
		const result = await run(collection('delete', { recordId: '={{ $json.sku }}' }), products(4), 'continueRegularOutput');
		expect(result.main.map((item) => item.json.statusCode ?? 'ok')).toEqual(['ok', 404, 'ok', 404]);
		expect(failureOf(result.main[1])?.message).toBe('Image "sku-1" is not in the collection [item 1]');
		expect(ctx.sim.collection(COLLECTION).size).toBe(0);
	});

	it('get: reads answer_records by _id; a record not found fails alone', async () => {
		await seed([1, 3]);
		const result = await run(collection('get', { recordId: '={{ $json.sku }}', fieldsToReturn: 'category, price' }), products(4), 'continueRegularOutput');
		expect(result.main.map((item) => item.json.price ?? item.json.statusCode)).toEqual([404, 11, 404, 13]);
		expect(result.main[3].json).toEqual(expect.objectContaining({ operation: 'get', _id: 'sku-3', category: 'shoes' }));
	});

	it('matches an answer in another order by _id, and never re-sends a record the answer leaves out', async () => {
		ctx.sim.queueFaults({
			kind: 'status',
			status: 200,
			body: { records: [{ _id: 'sku-2', _status: { code: 200 } }, { _id: 'sku-0', _status: { code: 200 } }], status: { code: 200, text: 'OK' } },
		});
		const result = await run(insertParameters, products(3), 'continueRegularOutput');
		expect(requestsTo('insert')).toHaveLength(1);
		expect(result.main.map((item) => item.json._id)).toEqual(['sku-0', 'sku-1', 'sku-2']);
		expect(failureOf(result.main[1])?.message).toBe('Ximilar\'s answer does not mention image "sku-1" [item 1]');
		expect(failureOf(result.main[0])).toBeUndefined();
		expect(failureOf(result.main[2])).toBeUndefined();
	});
});

describe('get many', () => {
	it('pages through allRecords until the answer has no next', async () => {
		for (let i = 0; i < 230; i++) ctx.sim.collection(COLLECTION).set(`r-${i}`, { _id: `r-${i}`, n: i });
		const result = await run(collection('getAll', { returnAll: true, fieldsToReturn: '_id, n' }), pngItems(2));
		expect(result.error).toBeUndefined();
		const pages = requestsTo('allRecords');
		expect(pages.map((entry) => entry.query)).toEqual(['size=100&page=1', 'size=100&page=2', 'size=100&page=3']);
		expect(result.main).toHaveLength(230);
		expect(result.main[229].json).toEqual({ _id: 'r-229', n: 229 });
		expect(result.main.every((item) => pairedIndex(item) === 0)).toBe(true);
	});

	it('stops at the limit', async () => {
		for (let i = 0; i < 60; i++) ctx.sim.collection(COLLECTION).set(`r-${i}`, { _id: `r-${i}` });
		const result = await run(collection('getAll', { returnAll: false, limit: 25 }), pngItems(1));
		expect(requestsTo('allRecords').map((entry) => entry.query)).toEqual(['size=25&page=1']);
		expect(result.main.map((item) => item.json._id)).toEqual(Array.from({ length: 25 }, (_, i) => `r-${i}`));
	});
});

describe('collection types of both generations', () => {
	it.each([
		['product', '/similarity/products-new/v2/visualKNN'],
		['fashion', '/similarity/fashion-new/v2/visual_search'],
		['homeDecor', '/similarity/homedecor-new/v2/visualKNN'],
		['photo', '/similarity/photos/v2/visualKNN'],
		['colors', '/similarity/colors/v2/visualKNN'],
		// The older types as a workflow saved before they moved behind one choice holds them.
		['productLegacy', '/similarity/products/v2/visualKNN'],
		['fashionLegacy', '/similarity/fashion/v2/visualKNN'],
		['homeDecorLegacy', '/similarity/homedecor/v2/visualKNN'],
		['photoLegacy', '/photo/search/v2/visualKNN'],
	])('%s searches at %s', async (collectionType, path) => {
		const result = await run(collection('search', { collectionType, queryBy: 'image', imageSource: 'binary' }), pngItems(1));
		expect(result.error).toBeUndefined();
		expect(ctx.sim.log.map((entry) => entry.path)).toEqual([path]);
	});

	it.each([
		['productLegacy', '/similarity/products/v2/visualKNN'],
		['fashionLegacy', '/similarity/fashion/v2/visualKNN'],
		['homeDecorLegacy', '/similarity/homedecor/v2/visualKNN'],
		['photoLegacy', '/photo/search/v2/visualKNN'],
	])('Legacy Collection, %s, searches at %s', async (legacyCollectionType, path) => {
		const result = await run(collection('search', { collectionType: 'legacy', legacyCollectionType, queryBy: 'image', imageSource: 'binary' }), pngItems(1));
		expect(result.error).toBeUndefined();
		expect(ctx.sim.log.map((entry) => entry.path)).toEqual([path]);
	});

	it('legacy home decor searches by tags too when chosen', async () => {
		await run(collection('search', { collectionType: 'legacy', legacyCollectionType: 'homeDecorLegacy', searchMethod: 'visualTags', queryBy: 'image', imageSource: 'binary' }), pngItems(1));
		expect(ctx.sim.log.map((entry) => entry.path)).toEqual(['/similarity/homedecor/v2/visualTagsKNN']);
	});
});

describe('the Collection field', () => {
	it('takes the collection by ID (a resource locator), mapped per item, as an older workflow\'s plain text did', async () => {
		ctx.sim.createCollection('other');
		const perItem = { __rl: true, mode: 'id', value: '={{ $json.sku === "sku-1" ? "other" : "products-1" }}' };
		const result = await run({ ...insertParameters, collectionId: perItem }, products(3));
		expect(result.error).toBeUndefined();
		expect(requestsTo('insert').map((entry) => [entry.collectionId, entry.recordIds])).toEqual(
			expect.arrayContaining([
				['products-1', ['sku-0', 'sku-2']],
				['other', ['sku-1']],
			]),
		);
		expect([...ctx.sim.collection('other').keys()]).toEqual(['sku-1']);
	});
});
