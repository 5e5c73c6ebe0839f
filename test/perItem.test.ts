/**
 * Per-item parameters: settings mapped from each item reach that
 * item's request. Items are grouped by the settings that go into one request (path,
 * headers, top-level fields) and batched within their group; every output stays at its
 * input's position, paired with it.
 */
import { runNode, type InputItem } from './harness/engine';
import { pngItems, urlItems } from './harness/items';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { failureOf } from './support/outputs';

const ctx = useSimulator();

const run = async (parameters: Record<string, unknown>, items: InputItem[], onError?: 'continueRegularOutput') =>
	await runNode({ parameters: parameters as never, items, credentials: ctx.credentials, onError });

const requestsTo = (path: string) => ctx.sim.log.filter((entry) => entry.path === path);

describe('collections mapped per item', () => {
	beforeEach(() => {
		ctx.sim.createCollection('shoes');
		ctx.sim.createCollection('bags');
	});

	/** 24 products alternating between the two collections. */
	const alternating = (count = 24): InputItem[] =>
		pngItems(count).map((item, i) => ({ ...item, json: { sku: `sku-${i}`, collection: i % 2 ? 'bags' : 'shoes' } }));

	it('inserts items alternating between two collections into their own collection, batched per collection', async () => {
		const result = await run(
			{
				resource: 'collection',
				operation: 'insert',
				collectionType: 'product',
				collectionId: '={{ $json.collection }}',
				recordId: '={{ $json.sku }}',
				imageSource: 'binary',
				options: { parallelRequests: 1 },
			},
			alternating(),
		);
		expect(result.error).toBeUndefined();
		const inserts = requestsTo('/similarity/products-new/v2/insert');
		const evens = Array.from({ length: 12 }, (_, i) => `sku-${2 * i}`);
		const odds = Array.from({ length: 12 }, (_, i) => `sku-${2 * i + 1}`);
		expect(inserts.map((entry) => [entry.collectionId, entry.recordIds])).toEqual([
			['shoes', evens.slice(0, 10)],
			['bags', odds.slice(0, 10)],
			['shoes', evens.slice(10)],
			['bags', odds.slice(10)],
		]);
		expect([...ctx.sim.collection('shoes').keys()].sort()).toEqual([...evens].sort());
		expect([...ctx.sim.collection('bags').keys()].sort()).toEqual([...odds].sort());
		expect(result.main.map((item) => [item.pairedItem, item.json._id])).toEqual(
			Array.from({ length: 24 }, (_, i) => [{ item: i }, `sku-${i}`]),
		);
	});

	it('gets records with per-item fields to return, in separate requests per field list', async () => {
		await run(
			{
				resource: 'collection',
				operation: 'insert',
				collectionType: 'product',
				collectionId: 'shoes',
				recordId: '={{ $json.sku }}',
				imageSource: 'binary',
				metadata: '={{ JSON.stringify({ name: "N" + $json.sku, price: 5 }) }}',
			},
			alternating(4),
		);
		ctx.sim.reset();
		ctx.sim.createCollection('shoes');
		for (const i of [0, 1, 2, 3]) ctx.sim.collection('shoes').set(`sku-${i}`, { _id: `sku-${i}`, name: `Nsku-${i}`, price: 5 });
		const result = await run(
			{
				resource: 'collection',
				operation: 'get',
				collectionType: 'product',
				collectionId: 'shoes',
				recordId: '={{ $json.sku }}',
				fieldsToReturn: '={{ $json.fields }}',
			},
			[0, 1, 2, 3].map((i) => ({ json: { sku: `sku-${i}`, fields: i % 2 ? 'price' : 'name' } })),
		);
		expect(result.error).toBeUndefined();
		const gets = requestsTo('/similarity/products-new/v2/get');
		expect(gets.map((entry) => entry.recordIds)).toEqual([
			['sku-0', 'sku-2'],
			['sku-1', 'sku-3'],
		]);
		expect(result.main.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.main.map((item) => item.json._id)).toEqual(['sku-0', 'sku-1', 'sku-2', 'sku-3']);
	});

	it('searches each query in its own collection', async () => {
		ctx.sim.collection('shoes').set('s-1', { _id: 's-1', _url: 'https://img.example.com/s1.jpg' });
		ctx.sim.collection('bags').set('b-1', { _id: 'b-1', _url: 'https://img.example.com/b1.jpg' });
		const result = await run(
			{
				resource: 'collection',
				operation: 'search',
				collectionType: 'product',
				collectionId: '={{ $json.collection }}',
				queryBy: 'image',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
				k: 5,
			},
			urlItems(4).map((item, i) => ({ json: { ...item.json, collection: i % 2 ? 'bags' : 'shoes' } })),
		);
		expect(result.error).toBeUndefined();
		const searches = requestsTo('/similarity/products-new/v2/visualKNN');
		expect(searches.map((entry) => entry.collectionId).sort()).toEqual(['bags', 'bags', 'shoes', 'shoes']);
		const found = result.main.map((item) => (item.json.matches as Array<{ _id: string }>).map((match) => match._id));
		expect(found).toEqual([['s-1'], ['b-1'], ['s-1'], ['b-1']]);
	});

	it('fails only the items whose own Collection ID is empty', async () => {
		const items = alternating(4);
		items[2].json!.collection = '';
		for (const i of [0, 2]) ctx.sim.collection('shoes').set(`sku-${i}`, { _id: `sku-${i}` });
		for (const i of [1, 3]) ctx.sim.collection('bags').set(`sku-${i}`, { _id: `sku-${i}` });
		const result = await run(
			{
				resource: 'collection',
				operation: 'delete',
				collectionType: 'product',
				collectionId: '={{ $json.collection }}',
				recordId: '={{ $json.sku }}',
			},
			items,
			'continueRegularOutput',
		);
		expect(result.main.map((item) => failureOf(item)?.message)).toEqual([
			undefined,
			undefined,
			'Collection ID is empty [item 2]',
			undefined,
		]);
		expect(requestsTo('/similarity/products-new/v2/delete').map((entry) => [entry.collectionId, entry.recordIds])).toEqual([
			['shoes', ['sku-0']],
			['bags', ['sku-1', 'sku-3']],
		]);
		expect([...ctx.sim.collection('shoes').keys()]).toEqual(['sku-2']);
	});
});

describe('recognition settings mapped per item', () => {
	it('sends each item with its own task, grouped by task, output in input order', async () => {
		const items = urlItems(6).map((item, i) => ({ json: { ...item.json, task: i < 2 || i === 4 ? 'task-a' : 'task-b' } }));
		const result = await run(
			{
				resource: 'image',
				operation: 'recognize',
				service: 'customClassify',
				task: '={{ $json.task }}',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
				recordId: '={{ "row-" + $json.row }}',
			},
			items,
		);
		expect(result.error).toBeUndefined();
		const classify = requestsTo('/recognition/v2/classify/');
		expect(classify.map((entry) => entry.recordIds)).toEqual([
			['row-0', 'row-1', 'row-4'],
			['row-2', 'row-3', 'row-5'],
		]);
		expect(result.main.map((item) => [item.pairedItem, item.json._id])).toEqual(
			Array.from({ length: 6 }, (_, i) => [{ item: i }, `row-${i}`]),
		);
	});

	it('sends service options and additional request fields per item', async () => {
		const items = urlItems(4).map((item, i) => ({ json: { ...item.json, prices: i % 2 === 1 } }));
		const result = await run(
			urlRecognizeParameters({
				serviceOptions: { pricing: '={{ $json.prices }}' },
				options: { additionalRequestFields: '={{ JSON.stringify({ tag: "t" + ($json.row % 2) }) }}' },
			}),
			items,
		);
		expect(result.error).toBeUndefined();
		const bodies = ctx.sim.log.filter((entry) => entry.path === '/collectibles/v2/tcg_id');
		expect(bodies.map((entry) => entry.recordIds)).toEqual([
			['row-0', 'row-2'],
			['row-1', 'row-3'],
		]);
		expect(ctx.sim.lastBody('/collectibles/v2/tcg_id')).toEqual(
			expect.objectContaining({ pricing: true, tag: 't1', records: [expect.objectContaining({ _id: 'row-1' }), expect.objectContaining({ _id: 'row-3' })] }),
		);
		expect(result.main.map((item) => item.json._id)).toEqual(['row-0', 'row-1', 'row-2', 'row-3']);
	});

	it('sends items to their own Custom Endpoint path', async () => {
		const items = urlItems(3).map((item, i) => ({
			json: { ...item.json, path: i === 1 ? '/collectibles/v2/sport_id' : 'collectibles/v2/tcg_id' },
		}));
		const result = await run(
			{
				resource: 'image',
				operation: 'recognize',
				service: 'custom',
				endpointPath: '={{ $json.path }}',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
				recordId: '={{ "row-" + $json.row }}',
			},
			items,
		);
		expect(result.error).toBeUndefined();
		expect(requestsTo('/collectibles/v2/tcg_id').map((entry) => entry.recordIds)).toEqual([['row-0', 'row-2']]);
		expect(requestsTo('/collectibles/v2/sport_id').map((entry) => entry.recordIds)).toEqual([['row-1']]);
		expect(result.main.map((item) => item.json._id)).toEqual(['row-0', 'row-1', 'row-2']);
	});
});
