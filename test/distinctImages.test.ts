/**
 * Each distinct image is billed once per run: items of a read-only operation whose request
 * would be the same (same request, same record fields apart from `_id`, same image by its
 * bytes or URL) are sent once, and every copy gets the whole result at its own place, with
 * its own `_id`, saying which item it shares it with. Checked through n8n's engine, on what
 * reached the simulator and on what it billed.
 */
import { makeBigImage, makePng } from './fixtures/images';
import { runNode, type InputItem, type OutputItem } from './harness/engine';
import { recognizeParameters, urlRecognizeParameters } from './harness/recognizeRun';
import { TOOL_TYPE, ximilarTool } from './harness/toolVariant';
import { useSimulator } from './harness/useSimulator';
import { flowId } from './simulator';
import { COLLECTION, collectionParameters, PRODUCT_BASE } from './support/collectionItems';
import { failureOf, pairedIndex } from './support/outputs';

const ctx = useSimulator();
const TCG = '/collectibles/v2/tcg_id';
const SHARED = 'result_shared_with_item';

/** 30 rows over 6 pictures: row i shows picture i % 6. */
const rows = (count: number, distinct: number, host = 'img.example.com'): InputItem[] =>
	Array.from({ length: count }, (_, row) => ({ json: { row, url: `https://${host}/card-${row % distinct}.jpg` } }));

/** Binary items; `same` maps an item to the item whose file it carries (the same bytes, another file name). */
const files = (count: number, same: Record<number, number> = {}): InputItem[] =>
	Array.from({ length: count }, (_, row) => ({
		json: { row },
		binary: { data: { data: makePng(8, 8, same[row] ?? row), mimeType: 'image/png', fileName: `upload-${row}.png` } },
	}));

/** All Columns unless the test chooses: the compact Simplified rows leave out which item a result is shared with. */
const run = (parameters: Record<string, unknown>, items: InputItem[], extra: { onError?: 'continueRegularOutput'; binaryMode?: 'memory' } = {}) =>
	runNode({ parameters: { output: 'allColumns', ...parameters } as never, items, credentials: ctx.credentials, ...extra });

const recordsSent = (path = TCG) => ctx.sim.log.filter((entry) => entry.path.startsWith(path)).reduce((sum, entry) => sum + entry.recordCount, 0);
const requestsTo = (path = TCG) => ctx.sim.log.filter((entry) => entry.path.startsWith(path)).length;
/** What identifies the card in a row: every column but the record's own. */
const card = (item: OutputItem) => JSON.stringify(Object.entries(item.json).filter(([key]) => !['_id', '_url', SHARED].includes(key)));

describe('Send Each Distinct Image Once (on by default)', () => {
	it('sends 30 URL items over 6 distinct URLs as 6 records in 1 request, and gives 30 outputs, each paired, in order', async () => {
		const result = await run(urlRecognizeParameters(), rows(30, 6));
		expect(result.error).toBeUndefined();
		expect(requestsTo()).toBe(1);
		expect(recordsSent()).toBe(6);
		expect(ctx.sim.creditsUsed).toBe(6);
		expect(ctx.sim.lastBody(TCG).records.map((record: { _id: string }) => record._id)).toEqual(['row-0', 'row-1', 'row-2', 'row-3', 'row-4', 'row-5']);
		expect(result.main).toHaveLength(30);
		result.main.forEach((item, index) => {
			expect(failureOf(item)).toBeUndefined();
			expect(pairedIndex(item)).toBe(index);
			// Its own _id, the copy's result the same as the item it repeats, and which item that is.
			expect(item.json._id).toBe(`row-${index}`);
			expect(card(item)).toBe(card(result.main[index % 6]));
			if (index < 6) expect(item.json).not.toHaveProperty(SHARED);
			else expect(item.json[SHARED]).toBe(index % 6);
		});
		expect(new Set(result.main.slice(0, 6).map(card)).size).toBe(6);
	});

	it('says in the run\'s hint how many records were sent for how many items', async () => {
		const result = await run(urlRecognizeParameters(), rows(30, 6));
		expect(result.hints).toEqual([
			expect.objectContaining({ message: expect.stringMatching(/^6 images sent to Ximilar for 30 items: 24 items had the same image and request as an earlier item/) }),
		]);
		const distinct = await run(urlRecognizeParameters(), rows(6, 6));
		expect(distinct.hints).toEqual([]);
	});

	it.each(['filesystem', 'memory'] as const)('sends 10 binary files with two identical as 9 records (%s binary mode)', async (binaryMode) => {
		const result = await run(recognizeParameters({ recordId: '={{ "row-" + $json.row }}' }), files(10, { 7: 2 }), binaryMode === 'memory' ? { binaryMode } : {});
		expect(result.error).toBeUndefined();
		expect(recordsSent()).toBe(9);
		expect(ctx.sim.creditsUsed).toBe(9);
		expect(result.main.map(pairedIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(result.main[7].json).toEqual(expect.objectContaining({ _id: 'row-7', [SHARED]: 2 }));
		expect(card(result.main[7])).toBe(card(result.main[2]));
		expect(result.main.filter((item) => SHARED in item.json)).toHaveLength(1);
	});

	it('with the option off sends every item: 30 records for 30 URL items, 10 for 10 files', async () => {
		const off = { options: { distinctImagesOnce: false } };
		const urls = await run(urlRecognizeParameters(off), rows(30, 6));
		expect(recordsSent()).toBe(30);
		expect(urls.main.filter((item) => SHARED in item.json)).toEqual([]);
		expect(urls.hints).toEqual([]);
		ctx.sim.reset();
		await run(recognizeParameters({ recordId: '={{ "row-" + $json.row }}', ...off }), files(10, { 7: 2 }));
		expect(recordsSent()).toBe(10);
	});

	it('fails every copy of a record Ximilar could not process, each under its own item number', async () => {
		const result = await run(urlRecognizeParameters(), rows(9, 3, 'unreachable.example.com'), { onError: 'continueRegularOutput' });
		expect(recordsSent()).toBe(3);
		expect(result.main).toHaveLength(9);
		result.main.forEach((item, index) => {
			expect(pairedIndex(item)).toBe(index);
			const failure = failureOf(item);
			expect(failure?.message).toMatch(new RegExp(`^Ximilar could not process the image: Image could not be downloaded.* \\[item ${index}\\]$`));
			expect(item.json._id).toBe(`row-${index}`);
			if (index >= 3) expect(failure?.description).toContain(`It has the same image and request as item ${index % 3}, sent once for both.`);
		});
	});

	it('without Continue On Fail, the first failed copy is the item the error names when the item it repeats did not fail', async () => {
		// Item 0 is fine; items 1 and 2 show the same unreachable picture: item 1 is sent, item 2 shares its failure.
		const items = [{ json: { row: 0, url: 'https://img.example.com/ok.jpg' } }, ...[1, 2].map((row) => ({ json: { row, url: 'https://unreachable.example.com/x.jpg' } }))];
		const result = await run(urlRecognizeParameters(), items);
		expect(result.error?.message).toMatch(/^Ximilar could not process the image: .* \[item 1\]$/);
		expect(recordsSent()).toBe(2);
	});

	it('tells images apart by their bytes, not by their name, size or the parts a fingerprint reads', async () => {
		const image = makeBigImage(200_000, 1);
		// The same length, head, tail and sampled windows; one byte differs where no window reads.
		const altered = Buffer.from(image);
		altered[1024 + 100] ^= 0xff;
		const items: InputItem[] = [image, altered, image].map((data, row) => ({
			json: { row },
			binary: { data: { data, mimeType: 'image/png', fileName: 'same-name.png' } },
		}));
		for (const binaryMode of ['filesystem', 'memory'] as const) {
			ctx.sim.reset();
			const result = await run(recognizeParameters({ recordId: '={{ "row-" + $json.row }}' }), items, binaryMode === 'memory' ? { binaryMode } : {});
			expect(recordsSent()).toBe(2);
			expect(result.main.map((item) => item.json[SHARED])).toEqual([undefined, undefined, 0]);
		}
	});

	it('compares an image byte for byte with at most two earlier images of its fingerprint, so that many such images cost no more than one read each', async () => {
		const image = makeBigImage(200_000, 1);
		// Four images with the same fingerprint, each a byte apart where no window reads.
		const variants = [0, 1, 2, 3].map((variant) => {
			const altered = Buffer.from(image);
			if (variant > 0) altered[1024 + 100] ^= variant;
			return altered;
		});
		// Rows 0-3: the four; row 4 repeats row 0 (compared: shared); row 5 repeats row 3 (never compared: sent).
		const items: InputItem[] = [...variants, variants[0], variants[3]].map((data, row) => ({
			json: { row },
			binary: { data: { data, mimeType: 'image/png', fileName: `v${row}.png` } },
		}));
		const result = await run(recognizeParameters({ recordId: '={{ "row-" + $json.row }}' }), items);
		expect(recordsSent()).toBe(5);
		expect(result.main.map((item) => item.json[SHARED])).toEqual([undefined, undefined, undefined, undefined, 0, undefined]);
		expect(card(result.main[5])).toBe(card(result.main[3]));
	});

	it('sends items whose record fields or request differ, even with the same image', async () => {
		const items = rows(4, 1);
		await run(urlRecognizeParameters({ additionalFields: '={{ JSON.stringify({ set_code: $json.row % 2 ? "A" : "B" }) }}' }), items);
		expect(recordsSent()).toBe(2);
		ctx.sim.reset();
		await run(urlRecognizeParameters({ serviceOptions: { pricing: '={{ $json.row < 2 }}' } }), items);
		expect(requestsTo()).toBe(2);
		expect(recordsSent()).toBe(2);
	});

	it('gives a copy without a Record ID no _id of another item', async () => {
		const result = await run(urlRecognizeParameters({ options: { } }, ''), rows(2, 1));
		expect(recordsSent()).toBe(1);
		expect(result.main[1].json._id).toBeNull();
		expect(result.main[1].json[SHARED]).toBe(0);
	});

	it('keeps the shared-result column in the raw record, and out of the Simplified rows and an agent\'s compact answer', async () => {
		const raw = await run(urlRecognizeParameters({ output: 'raw' }), rows(2, 1));
		expect(raw.main[1].json).toEqual(expect.objectContaining({ _id: 'row-1', [SHARED]: 0, _objects: expect.any(Array) }));
		ctx.sim.reset();
		const simplified = await run(urlRecognizeParameters({ output: 'simplified' }), rows(2, 1));
		expect(recordsSent()).toBe(1);
		expect(simplified.main[1].json).not.toHaveProperty(SHARED);
		expect(simplified.main[1].json).toEqual({ ...simplified.main[0].json, _id: 'row-1' });
		ctx.sim.reset();
		const tool = await runNode({
			parameters: { ...urlRecognizeParameters(), descriptionType: 'manual', toolDescription: 'Identify a card' } as never,
			items: rows(2, 1),
			credentials: ctx.credentials,
			nodeType: ximilarTool(),
			nodeTypeName: TOOL_TYPE,
		});
		expect(recordsSent()).toBe(1);
		expect(tool.main).toHaveLength(2);
		expect(tool.main[1].json).not.toHaveProperty(SHARED);
		expect(tool.main[1].json.name).toBe(tool.main[0].json.name);
	});

	it('Run Flow sends each distinct image once too', async () => {
		const result = await run(
			{ resource: 'image', operation: 'runFlow', flow: { __rl: true, mode: 'id', value: flowId('Sneaker sorter') }, imageSource: 'url', imageUrl: '={{ $json.url }}' },
			rows(12, 4),
		);
		expect(result.error).toBeUndefined();
		expect(recordsSent('/flows/v2/process')).toBe(4);
		expect(result.main.map(pairedIndex)).toEqual([...Array(12).keys()]);
		expect(result.main[11].json[SHARED]).toBe(3);
	});

	it('Search by image sends each distinct query once; a different k is another query', async () => {
		ctx.sim.createCollection(COLLECTION);
		const search = (k: string) => collectionParameters('search', { queryBy: 'image', imageSource: 'url', imageUrl: '={{ $json.url }}', k });
		const result = await run(search('5'), rows(6, 2));
		expect(result.error).toBeUndefined();
		expect(requestsTo(PRODUCT_BASE)).toBe(2);
		expect(result.main.map((item) => item.json[SHARED])).toEqual([undefined, undefined, 0, 1, 0, 1]);
		expect(result.main.map((item) => item.json.query_url)).toEqual(rows(6, 2).map((item) => item.json!.url));
		ctx.sim.reset();
		ctx.sim.createCollection(COLLECTION);
		await run(search('={{ $json.row < 2 ? 5 : 6 }}'), rows(4, 2));
		expect(requestsTo(PRODUCT_BASE)).toBe(4);
	});
});

describe('collection upkeep is never merged', () => {
	beforeEach(() => ctx.sim.createCollection(COLLECTION));
	const image = makePng(8, 8, 1);
	const sameFiles = (count: number): InputItem[] =>
		Array.from({ length: count }, (_, row) => ({ json: { row }, binary: { data: { data: image, mimeType: 'image/png', fileName: 'one.png' } } }));

	it('inserts every item of the same image and metadata as a record of its own', async () => {
		const result = await run(
			collectionParameters('insert', { imageSource: 'binary', binaryPropertyName: 'data', recordId: '={{ "sku-" + $json.row }}', metadata: '{"brand": "x"}' }),
			sameFiles(4),
		);
		expect(result.error).toBeUndefined();
		expect(recordsSent(PRODUCT_BASE)).toBe(4);
		expect(result.main.map((item) => item.json._id)).toEqual(['sku-0', 'sku-1', 'sku-2', 'sku-3']);
		expect(result.main.filter((item) => SHARED in item.json)).toEqual([]);
	});

	it.each(['update', 'get', 'delete'])('%s sends an item for every input item, the same _id included', async (operation) => {
		await run(collectionParameters('insert', { imageSource: 'binary', binaryPropertyName: 'data', recordId: 'sku-1', metadata: '{}' }), sameFiles(1));
		ctx.sim.log.length = 0;
		await run(collectionParameters(operation, { recordId: 'sku-1', metadata: '{"a": 1}' }), [{ json: {} }, { json: {} }], { onError: 'continueRegularOutput' });
		expect(recordsSent(PRODUCT_BASE)).toBe(2);
	});
});
