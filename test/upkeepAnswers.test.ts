/**
 * Upkeep answers without a record list (docs/ximilar-api.md §13, S17): a 2xx answer to insert,
 * update or delete that lists no records took the whole batch; Delete says `deleted` per item.
 * Engine runs against the simulator answering with only a status, or an empty body.
 */
import type { INodeProperties } from 'n8n-workflow';

import { loadPackage } from './harness/package';
import { nodeRunner } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { COLLECTION, collectionParameters as collection, insertParameters, PRODUCT_BASE, products } from './support/collectionItems';
import { failureOf, pairedIndex } from './support/outputs';

const ctx = useSimulator();
const run = nodeRunner(ctx);
const requestsTo = (method: string) => ctx.sim.log.filter((entry) => entry.path === `${PRODUCT_BASE}/${method}`);

beforeEach(() => ctx.sim.createCollection(COLLECTION));

describe('answers that list no records', () => {
	it.each(['statusOnly', 'empty'] as const)('%s: insert, update and delete succeed for every item of the batch, nothing sent twice', async (shape) => {
		ctx.sim.setUpkeepAnswer(shape);
		const inserted = await run(insertParameters, products(12));
		expect(inserted.error).toBeUndefined();
		expect(requestsTo('insert').map((entry) => entry.recordCount)).toEqual([10, 2]);
		expect(inserted.main.map((item) => [pairedIndex(item), item.json.operation, item.json._id, item.json.status_code])).toEqual(
			Array.from({ length: 12 }, (_, i) => [i, 'insert', `sku-${i}`, 210]),
		);
		expect(ctx.sim.collection(COLLECTION).size).toBe(12);

		const updated = await run(collection('update', { recordId: '={{ $json.sku }}', metadata: '{"price": 1}' }), products(3));
		expect(updated.main.map((item) => [item.json.operation, item.json._id])).toEqual([0, 1, 2].map((i) => ['update', `sku-${i}`]));
		expect(ctx.sim.collection(COLLECTION).get('sku-2')?.price).toBe(1);

		const deleted = await run(collection('delete', { recordId: '={{ $json.sku }}' }), products(4));
		expect(deleted.main.map((item) => item.json)).toEqual([0, 1, 2, 3].map((i) => ({ _id: `sku-${i}`, deleted: true })));
		expect(ctx.sim.collection(COLLECTION).size).toBe(8);
	});

	it('an empty answer whose code says "some" (206) says for each item that it is unknown, and sends nothing again', async () => {
		await run(insertParameters, products(1));
		ctx.sim.setUpkeepAnswer('empty');
		ctx.sim.log.length = 0;
		const result = await run(collection('delete', { recordId: '={{ $json.sku }}' }), products(2), 'continueRegularOutput');
		expect(requestsTo('delete').map((entry) => [entry.status, entry.recordCount])).toEqual([[206, 2]]);
		for (const [index, item] of result.main.entries()) {
			expect(failureOf(item)?.message).toBe(`Ximilar answered 206 without saying which images: image "sku-${index}" may or may not have been processed [item ${index}]`);
			expect(failureOf(item)?.description).toMatch(/Check with Get before sending it again/);
		}
	});

	it('Delete says deleted per item when Ximilar lists the records too', async () => {
		await run(insertParameters, products(2));
		const deleted = await run(collection('delete', { recordId: '={{ $json.sku }}' }), products(2));
		expect(deleted.main.map((item) => item.json)).toEqual([{ _id: 'sku-0', deleted: true }, { _id: 'sku-1', deleted: true }]);
	});
});

describe('Fashion Search (fashion-new)', () => {
	it('says in the panel that only Insert and Search are documented there', () => {
		const { Ximilar } = loadPackage();
		const notice = (new Ximilar().description.properties as INodeProperties[]).find((property) => property.name === 'fashionSearchNotice')!;
		expect(notice.displayName).toMatch(/^Ximilar documents only Insert and Search for Fashion Search collections/);
		expect(notice.displayOptions?.show).toEqual({ resource: ['collection'], collectionType: ['fashion'], operation: ['update', 'delete', 'get', 'getAll'] });
	});
});
