import { createHash } from 'node:crypto';

import { makePng } from './fixtures/images';
import { type InputItem } from './harness/engine';
import { nodeRunner, recognizeParameters } from './harness/recognizeRun';
import { bigImageItem, pngItems, sampleItem, urlItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();

const recognize = recognizeParameters;

const run = nodeRunner(ctx);

const recognitionRequests = () => ctx.sim.log.filter((entry) => entry.path === '/collectibles/v2/tcg_id');

const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');

describe('batching and pairing', () => {
	it.each([
		[1, [1]],
		[9, [9]],
		[10, [10]],
		[11, [10, 1]],
		[23, [10, 10, 3]],
	])('%i items go out as requests of %j records, outputs in order and paired', async (count, batches) => {
		const items = pngItems(count);
		const result = await run(recognize({ recordId: '={{ "row-" + $json.row }}' }), items);
		expect(result.error).toBeUndefined();
		expect(recognitionRequests().map((entry) => entry.recordCount)).toEqual(batches);
		expect(result.main).toHaveLength(count);
		result.main.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json._id).toBe(`row-${i}`);
			expect(item.json.name).toEqual(expect.any(String));
		});
		// The records of each request are consecutive items, in input order.
		expect(recognitionRequests().flatMap((entry) => entry.recordIds)).toEqual(items.map((_, i) => `row-${i}`));
	});

	it('sends filesystem-mode binary byte-exact as base64', async () => {
		const received: string[] = [];
		ctx.sim.failRecordsWhere((record: { _base64?: string }) => {
			if (record._base64) received.push(sha1(Buffer.from(record._base64, 'base64')));
			return false;
		});
		const items = pngItems(12);
		await run(recognize(), items);
		expect(received).toEqual(items.map((item) => sha1(item.binary!.data.data)));
	});

	it('reuses memory across requests without mixing images: 60 distinct 300 KB photos arrive byte-exact, each under its own item', async () => {
		// Images of 64 KB and more are copied into memory reused within the run, and bodies are
		// written into the memory of earlier ones (execution/reusedBuffers.ts): six requests
		// through two lanes reuse both several times.
		const received = new Map<string, string>();
		ctx.sim.failRecordsWhere((record: { _id?: string; _base64?: string }) => {
			if (record._id && record._base64) received.set(record._id, sha1(Buffer.from(record._base64, 'base64')));
			return false;
		});
		const items = Array.from({ length: 60 }, (_, row) => bigImageItem(300_000 + row * 997, row));
		const result = await run(recognize({ recordId: '={{ "row-" + $json.row }}', options: { parallelRequests: 2, adaptToRateLimits: false } }), items);
		expect(result.error).toBeUndefined();
		expect(recognitionRequests()).toHaveLength(6);
		expect([...received.keys()].sort()).toEqual(items.map((_, row) => `row-${row}`).sort());
		items.forEach((item, row) => expect(received.get(`row-${row}`)).toBe(sha1(item.binary!.data.data)));
		expect(result.main.map((item) => [item.pairedItem, item.json._id])).toEqual(items.map((_, row) => [{ item: row }, `row-${row}`]));
	});

	it.each([1, 7])('honours Records per Request = %i', async (perRequest) => {
		const result = await run(recognize({ options: { recordsPerRequest: perRequest } }), pngItems(15));
		const sizes = recognitionRequests().map((entry) => entry.recordCount);
		expect(sizes.every((size) => size <= perRequest)).toBe(true);
		expect(sizes).toHaveLength(Math.ceil(15 / perRequest));
		expect(result.main.map((item) => item.pairedItem)).toEqual(Array.from({ length: 15 }, (_, i) => ({ item: i })));
	});

	it('splits a batch before it grows past Max Request Size', async () => {
		// 6 images of ~300 KB: base64 makes each ~400 KB, so at most 2 fit under 1 MB.
		const items = Array.from({ length: 6 }, (_, i) => bigImageItem(300_000, i));
		const result = await run(recognize({ options: { maxRequestSizeMb: 1 } }), items);
		expect(result.main).toHaveLength(6);
		const requests = recognitionRequests();
		expect(requests.map((entry) => entry.recordCount)).toEqual([2, 2, 2]);
		expect(requests.every((entry) => entry.bodyBytes <= 1024 * 1024)).toBe(true);
	});

	it('never has more requests in flight than Parallel Requests', async () => {
		ctx.sim.latencyMs = 60;
		await run(recognize({ options: { parallelRequests: 2, recordsPerRequest: 2 } }), pngItems(20));
		expect(recognitionRequests()).toHaveLength(10);
		expect(ctx.sim.maxInFlight).toBe(2);
	});

	it('keeps every output when a request hits 429 and then succeeds', async () => {
		ctx.sim.queueFaultsFor('/collectibles/v2/tcg_id', { kind: 'status', status: 429, retryAfter: '1' });
		const started = Date.now();
		const result = await run(recognize({ recordId: '={{ "row-" + $json.row }}' }), pngItems(25));
		expect(Date.now() - started).toBeGreaterThanOrEqual(950); // Retry-After: 1 was honoured
		expect(result.main.map((item) => item.json._id)).toEqual(Array.from({ length: 25 }, (_, i) => `row-${i}`));
		const statuses = recognitionRequests().map((entry) => entry.status);
		expect(statuses.filter((status) => status === 429)).toHaveLength(1);
		expect(statuses.filter((status) => status === 200)).toHaveLength(3);
	});
});

describe('image sources', () => {
	it('sends Image URL items as _url records', async () => {
		const result = await run(recognize({ imageSource: 'url', imageUrl: '={{ $json.url }}', output: 'allColumns' }), urlItems(3));
		expect(result.error).toBeUndefined();
		const body = ctx.sim.lastBody('/collectibles/v2/tcg_id');
		expect(body.records.map((record: { _url: string }) => record._url)).toEqual([
			'https://img.example.com/card-0.jpg',
			'https://img.example.com/card-1.jpg',
			'https://img.example.com/card-2.jpg',
		]);
		expect(result.main[2].json._url).toBe('https://img.example.com/card-2.jpg');
	});

	it('accepts raw base64 and data URIs', async () => {
		const png = makePng(8, 8, 42).toString('base64');
		const items = [{ json: { image: png } }, { json: { image: `data:image/png;base64,${png}` } }];
		// Each item sent (the same image twice would otherwise go once): the data URI's prefix is not sent.
		const result = await run(recognize({ imageSource: 'base64', base64Image: '={{ $json.image }}', output: 'allColumns', options: { distinctImagesOnce: false } }), items);
		expect(result.error).toBeUndefined();
		const body = ctx.sim.lastBody('/collectibles/v2/tcg_id');
		expect(body.records).toEqual([{ _base64Length: png.length }, { _base64Length: png.length }]);
		// Same bytes, same card.
		expect(result.main[0].json.full_name).toBe(result.main[1].json.full_name);
		// By default the two are one image: sent once, both items get its result.
		ctx.sim.reset();
		const once = await run(recognize({ imageSource: 'base64', base64Image: '={{ $json.image }}', output: 'allColumns' }), items);
		expect(ctx.sim.lastBody('/collectibles/v2/tcg_id').records).toEqual([{ _base64Length: png.length }]);
		expect(once.main[1].json).toEqual({ ...result.main[1].json, result_shared_with_item: 0 });
	});
});

describe('bad input and failed records', () => {
	const mixed = (): InputItem[] => [
		...pngItems(3),
		sampleItem('svg', 3, 'logo.svg'),
		...pngItems(3, 4),
		sampleItem('text', 7, 'notes.jpg'),
		...pngItems(4, 8),
	];

	it('refuses unsupported files before any request and keeps the batches full', async () => {
		const result = await run(recognize({ recordId: '={{ "row-" + $json.row }}' }), mixed(), 'continueRegularOutput');
		// 10 good images: one full request, the two bad files never sent.
		expect(recognitionRequests().map((entry) => entry.recordIds)).toEqual([
			['row-0', 'row-1', 'row-2', 'row-4', 'row-5', 'row-6', 'row-8', 'row-9', 'row-10', 'row-11'],
		]);
		expect(result.main).toHaveLength(12);
		expect(result.main[3].json.error).toBe('The binary file "logo.svg" is in SVG format, which Ximilar cannot read [item 3]');
		expect(result.main[7].json.error).toBe('The binary file "notes.jpg" is not an image [item 7]');
		result.main.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			if (i !== 3 && i !== 7) expect(item.json._id).toBe(`row-${i}`);
		});
	});

	it('routes exactly the failed items to the error output', async () => {
		const result = await run(recognize({ recordId: '={{ "row-" + $json.row }}' }), mixed(), 'continueErrorOutput');
		expect(result.main.map((item) => item.json._id)).toEqual(
			['row-0', 'row-1', 'row-2', 'row-4', 'row-5', 'row-6', 'row-8', 'row-9', 'row-10', 'row-11'],
		);
		expect(result.errorOutput.map((item) => item.pairedItem)).toEqual([{ item: 3 }, { item: 7 }]);
		expect(result.errorOutput[0].json).toEqual({
			error: {
				message: 'The binary file "logo.svg" is in SVG format, which Ximilar cannot read [item 3]',
				description: expect.stringContaining('Convert it to JPEG, PNG or WEBP'),
				itemIndex: 3,
			},
		});
	});

	it('fails only the record Ximilar could not process, in the middle of a batch', async () => {
		const items = urlItems(5);
		items[2].json!.url = 'https://photos.unreachable.invalid/card.jpg';
		const result = await run(recognize({ imageSource: 'url', imageUrl: '={{ $json.url }}' }), items, 'continueRegularOutput');
		expect(recognitionRequests()).toHaveLength(1);
		expect(result.main).toHaveLength(5);
		expect(result.main[2].json).toEqual(
			expect.objectContaining({
				error: 'Ximilar could not process the image: Image could not be downloaded from URL [item 2]',
				statusCode: 400,
				itemIndex: 2,
			}),
		);
		for (const i of [0, 1, 3, 4]) expect(result.main[i].json.name).toEqual(expect.any(String));
	});

	it('without Continue On Fail throws an error naming the first failed item', async () => {
		const result = await run(recognize(), mixed());
		expect(result.error?.message).toBe('The binary file "logo.svg" is in SVG format, which Ximilar cannot read [item 3]');
		expect(result.error?.description).toContain('Convert it to JPEG, PNG or WEBP');
	});

	it('names the binary properties an item does have when the one asked for is missing', async () => {
		const items = pngItems(2);
		items[1] = { json: {}, binary: { photo: items[1].binary!.data } };
		const result = await run(recognize(), items, 'continueRegularOutput');
		expect(result.main[1].json.error).toBe('No binary file in the property "data" [item 1]');
		expect(result.main[1].json.errorDescription).toContain('photo');
		expect(result.main[0].json.name).toEqual(expect.any(String));
	});
});

describe('services and output', () => {
	it('sends the chosen service options and only those, each where Ximilar reads it', async () => {
		await run(recognize({ serviceOptions: { pricing: true, slabId: true, cardLanguage: 'japanese' } }), pngItems(1));
		const body = ctx.sim.lastBody('/collectibles/v2/tcg_id');
		// The card alphabet is the record's Alphabet (docs/ximilar-api.md §3.2), not a language code.
		expect(body).toEqual({ pricing: true, slab_id: true, records: [{ Alphabet: 'japanese', _base64Length: expect.any(Number) }] });
	});

	it('summarizes a card with price statistics in All Columns, the columns a user came for first', async () => {
		const result = await run(recognize({ recordId: 'c1', serviceOptions: { priceStats: true, pricing: true }, output: 'allColumns' }), pngItems(1));
		const json = result.main[0].json;
		expect(Object.keys(json).slice(0, 6)).toEqual(['name', 'set', 'card_number', 'confidence', 'price', 'currency']);
		expect(Object.keys(json).slice(-2)).toEqual(['_id', 'status_code']);
		// The one price to map is the statistics' median (sold prices, USD) when they were asked for.
		expect([json.price, json.currency]).toEqual([json.price_median, 'USD']);
		expect(json).toEqual(
			expect.objectContaining({
				_id: 'c1',
				status_code: 200,
				price_median: expect.any(Number),
				price_stats_type: 'ungraded',
				price_currency: 'USD',
				listing_count: expect.any(Number),
				listing_currency: 'USD',
				year: expect.any(Number),
				confidence: expect.stringMatching(/^(high|medium|low)$/),
				link: expect.stringMatching(/^https:\/\//),
			}),
		);
		expect(json._status).toBeUndefined();
	});

	it('gives the raw record without the image data when a workflow saved Simplify off', async () => {
		const result = await run(recognize({ recordId: 'x1', simplify: false }), pngItems(1));
		const json = result.main[0].json;
		expect(json._id).toBe('x1');
		expect(json._base64).toBeUndefined();
		expect(json._objects).toEqual(expect.any(Array));
	});

	it('passes the input binary through when asked', async () => {
		const result = await run(recognize({ options: { includeInputBinary: true } }), pngItems(2));
		expect(result.main[1].binary?.data.fileName).toBe('card-1.png');
		const without = await run(recognize(), pngItems(1));
		expect(without.main[0].binary).toBeUndefined();
	});

	// The simulator answers the same image the same way: item 1's values are exact.
	it.each([
		['fashionTags', '/tagging/fashion/v2/tags', 'tags', ['Clothing', 'Clothing/Dresses', 'Shirt Dresses', 'red', 'camouflage', 'business', 'denim', 'long']],
		['photoTags', '/photo/tags/v2/tags', 'tags', ['cat', 'Animals', 'forest', 'happy', 'calm', 'Food', 'sunset']],
		['productColors', '/dom_colors/product/v2/dominantcolor', 'colors_hex', ['#6a308d', '#751220', '#ce2725']],
		['removeBgFast', '/removebg/fast/removebg', 'output_url', '<sim>/samples/removebg/d369d63f7f40977a.png'],
		['collectiblesDetect', '/collectibles/v2/detect', 'object_count', 1],
	])('%s posts to %s and summarizes %s', async (service, path, field, expected) => {
		const result = await run(recognize({ service }), pngItems(2));
		expect(result.error).toBeUndefined();
		expect(ctx.sim.log.map((entry) => entry.path)).toEqual([path]);
		const value = typeof expected === 'string' ? expected.replace('<sim>', ctx.sim.url) : expected;
		expect(result.main[1].json[field]).toEqual(value);
	});

	it('sends the task of a custom recognition task and reads its best label', async () => {
		const result = await run(recognize({ service: 'customClassify', task: 'task-123', serviceOptions: { version: 2 } }), pngItems(1));
		expect(ctx.sim.lastBody('/recognition/v2/classify/')).toEqual(expect.objectContaining({ task: 'task-123', version: 2 }));
		expect(result.main[0].json).toEqual(expect.objectContaining({ best_label: expect.any(String), probability: expect.any(Number) }));
	});

	it('posts to a Custom Endpoint path with Additional Request Fields', async () => {
		const result = await run(
			recognize({
				service: 'custom',
				endpointPath: 'collectibles/v2/comics_id',
				options: { additionalRequestFields: '{"price_stats": true}' },
			}),
			pngItems(1),
		);
		expect(result.error).toBeUndefined();
		expect(ctx.sim.lastBody('/collectibles/v2/comics_id')).toEqual(expect.objectContaining({ price_stats: true }));
		expect(result.main[0].json._objects).toEqual(expect.any(Array));
	});
});
