/**
 * Output, as n8n's own nodes offer it: Simplified (the default, at most 10 fields, the ones
 * users map most), All Columns (the flat spreadsheet row) and Raw (Ximilar's answer). A
 * Simplified row is a subset of the All Columns row, so a field mapped from one is there in
 * the other. A workflow saved with the old Simplify toggle off still gets Raw. Include Other
 * Input Fields keeps the input's fields beside the result, on success as on failure. The
 * tool variant offers the same choice; its Simplified is the compact row for an agent.
 */
import type { IDataObject } from 'n8n-workflow';

import { RECOGNITION_SERVICES } from '../nodes/Ximilar/catalog/services';
import { runNode, type InputItem, type RunResult } from './harness/engine';
import { TOOL_TYPE, ximilarTool } from './harness/toolVariant';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { failureOf, pairedIndex } from './support/outputs';

const ctx = useSimulator();

const CARD_FIELDS = ['name', 'set', 'card_number', 'year', 'confidence', 'price', 'currency', 'link', '_id'];

const cardItems = (count: number): InputItem[] =>
	Array.from({ length: count }, (_, row) => ({ json: { sku: `sku-${row}`, url: `${ctx.sim.url}/samples/card-${(row % 3) + 1}.png` } }));

const recognize = (extra: Record<string, unknown> = {}) => urlRecognizeParameters(extra, '={{ $json.sku }}');

const run = async (parameters: Record<string, unknown>, items: InputItem[], onError?: 'continueRegularOutput' | 'continueErrorOutput'): Promise<RunResult> =>
	await runNode({ parameters: parameters as never, items, credentials: ctx.credentials, onError, upstream: true });

const jsonOf = (result: RunResult) => result.main.map((item) => item.json);

describe('Recognize: Simplified, All Columns, Raw', () => {
	it('Simplified (the default) gives a card\'s 9 most mapped fields, each as in All Columns', async () => {
		const priced = { serviceOptions: { pricing: true, priceStats: true } };
		const simplified = jsonOf(await run(recognize(priced), cardItems(3)));
		const all = jsonOf(await run(recognize({ ...priced, output: 'allColumns' }), cardItems(3)));
		expect(simplified.map((row) => Object.keys(row))).toEqual([CARD_FIELDS, CARD_FIELDS, CARD_FIELDS]);
		simplified.forEach((row, index) => {
			expect(row._id).toBe(`sku-${index}`);
			expect(row.price).toEqual(expect.any(Number));
			expect(row.currency).toBe('USD');
			expect(all[index]).toEqual(expect.objectContaining(row));
			expect(Object.keys(all[index]).length).toBeGreaterThan(20);
			expect(all[index]).toEqual(expect.objectContaining({ price_median: row.price, listing_median: expect.any(Number), status_code: 200 }));
		});
	});

	it('price and currency are there, empty, when no prices were asked for', async () => {
		const [row] = jsonOf(await run(recognize(), cardItems(1)));
		expect(row).toEqual(expect.objectContaining({ price: null, currency: null }));
		// Listings alone give their median, in their own currency.
		const [listed] = jsonOf(await run(recognize({ serviceOptions: { pricing: true }, output: 'allColumns' }), cardItems(1)));
		expect([listed.price, listed.currency]).toEqual([listed.listing_median, listed.listing_currency]);
		expect(listed.price).toEqual(expect.any(Number));
	});

	it('Raw gives Ximilar\'s record as it came, without the image data', async () => {
		const [raw] = jsonOf(await run(recognize({ output: 'raw' }), cardItems(1)));
		expect(raw).toEqual(expect.objectContaining({ _id: 'sku-0', _objects: expect.any(Array), _status: expect.objectContaining({ code: 200 }) }));
		expect(raw).not.toHaveProperty('_base64');
		expect(raw).not.toHaveProperty('confidence');
	});

	it('sport cards, comics and slabs keep their own names in Simplified, never more than 10 fields', async () => {
		const [sport] = jsonOf(await run(recognize({ service: 'sportId' }), cardItems(1)));
		expect(Object.keys(sport)).toEqual(['name', 'set_name', 'card_number', 'year', 'confidence', 'price', 'currency', 'link', '_id']);
		const [comic] = jsonOf(await run(recognize({ service: 'comicsId' }), cardItems(1)));
		expect(Object.keys(comic)).toEqual(['name', 'issue_number', 'publisher', 'year', 'confidence', 'price', 'currency', 'link', '_id']);
		const [slab] = jsonOf(await run(recognize({ service: 'slabId' }), cardItems(1)));
		expect(Object.keys(slab).slice(0, 3)).toEqual(['slab_company', 'slab_grade', 'slab_certificate']);
		expect(Object.keys(slab).length).toBeLessThanOrEqual(10);
		// Analyze All Cards: one row per card, each saying which card of the photo it is.
		const cards = jsonOf(await run(recognize({ serviceOptions: { analyzeAll: true } }), cardItems(1)));
		expect(cards.length).toBeGreaterThan(1);
		expect(cards.map((row) => row.card_index)).toEqual(cards.map((_, index) => index + 1));
		for (const row of cards) expect(Object.keys(row).length).toBeLessThanOrEqual(10);
	});

	it.each(RECOGNITION_SERVICES.filter((service) => !service.needsTask && service.value !== 'custom').map((service) => [service.value]))(
		'%s: Simplified is at most 10 fields, all of them in All Columns',
		async (service) => {
			const extra = { service, prompt: 'Return the total', options: { maxRetries: 0 } };
			const [simplified] = jsonOf(await run(recognize(extra), cardItems(1)));
			const [all] = jsonOf(await run(recognize({ ...extra, output: 'allColumns' }), cardItems(1)));
			expect(Object.keys(simplified).length).toBeLessThanOrEqual(10);
			expect(all).toEqual(expect.objectContaining(simplified));
		},
	);
});

describe('a workflow saved with the old Simplify toggle', () => {
	it('off: Raw, as before; once the user picks an Output, that output', async () => {
		const [legacy] = jsonOf(await run(recognize({ simplify: false }), cardItems(1)));
		expect(legacy).toEqual(expect.objectContaining({ _objects: expect.any(Array) }));
		const [chosen] = jsonOf(await run(recognize({ simplify: false, output: 'allColumns' }), cardItems(1)));
		expect(chosen).toEqual(expect.objectContaining({ confidence: expect.any(String), status_code: 200 }));
		expect(chosen).not.toHaveProperty('_objects');
	});

	it('on: the default output', async () => {
		const [row] = jsonOf(await run(recognize({ simplify: true }), cardItems(1)));
		expect(Object.keys(row)).toEqual(CARD_FIELDS);
	});
});

describe('Include Other Input Fields', () => {
	const broken = (): InputItem[] => [...cardItems(2), { json: { sku: 'sku-2', url: 'https://photos.unreachable.invalid/c.jpg' } }];

	it('keeps the input\'s fields beside each result, and beside each failure on the regular output', async () => {
		const result = await run(recognize({ options: { includeInputFields: true } }), broken(), 'continueRegularOutput');
		const [first, second, failed] = jsonOf(result);
		expect(first).toEqual(expect.objectContaining({ sku: 'sku-0', url: expect.stringContaining('/samples/'), name: expect.any(String), _id: 'sku-0' }));
		expect(second.sku).toBe('sku-1');
		expect(failed).toEqual(expect.objectContaining({ sku: 'sku-2', url: 'https://photos.unreachable.invalid/c.jpg', error: expect.stringMatching(/\[item 2\]$/) }));
		expect(result.main.map(pairedIndex)).toEqual([0, 1, 2]);
	});

	it('so success and error outputs have the same input fields', async () => {
		const result = await run(recognize({ options: { includeInputFields: true } }), broken(), 'continueErrorOutput');
		expect(result.main.map((item) => [item.json.sku, item.json.url !== undefined])).toEqual([
			['sku-0', true],
			['sku-1', true],
		]);
		expect(result.errorOutput.map((item) => [item.json.sku, item.json.url !== undefined, failureOf(item)?.message])).toEqual([
			['sku-2', true, expect.stringMatching(/\[item 2\]$/)],
		]);
	});

	it('is off by default: only the result', async () => {
		const [row] = jsonOf(await run(recognize(), cardItems(1)));
		expect(row).not.toHaveProperty('sku');
		expect(row).not.toHaveProperty('url');
	});

	it('a result field of the same name wins over the input\'s', async () => {
		const items = [{ json: { name: 'my own name', url: `${ctx.sim.url}/samples/card-1.png`, sku: 'x' } }];
		const [row] = jsonOf(await run(recognize({ options: { includeInputFields: true } }), items));
		expect(row.name).not.toBe('my own name');
		expect(row.name).toEqual(expect.any(String));
	});
});

describe('the tool variant offers the same choice', () => {
	const runTool = async (extra: Record<string, unknown>) =>
		(
			await runNode({
				parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', ...extra } as never,
				items: [{ json: { image_url: `${ctx.sim.url}/samples/card-1.png` } }],
				credentials: ctx.credentials,
				nodeType: ximilarTool(),
				nodeTypeName: TOOL_TYPE,
			})
		).main[0].json as IDataObject;

	it('defaults to the compact row; All Columns and Raw when chosen', async () => {
		const compact = await runTool({});
		expect(compact).toEqual(expect.objectContaining({ name: expect.any(String), confidence: expect.any(String) }));
		for (const key of ['_id', 'status_code', 'distance']) expect(compact).not.toHaveProperty(key);
		expect(Object.values(compact)).not.toContain(null);
		const all = await runTool({ output: 'allColumns' });
		expect(all).toEqual(expect.objectContaining({ status_code: 200, distance: expect.any(Number), name: compact.name }));
		const raw = await runTool({ output: 'raw' });
		expect(raw).toEqual(expect.objectContaining({ _objects: expect.any(Array) }));
	});
});

describe('jobs and the Trigger read the same choice', () => {
	it('Job > Get: Simplified keeps the job ID and 9 grading fields; All Columns every column; Raw the record', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		const submitted = await run(
			{ resource: 'image', operation: 'gradeCard', gradingEndpoint: 'grade', imageSource: 'url', imageUrl: '={{ $json.url }}', recordId: 'g', resultMode: 'submit' },
			cardItems(1),
		);
		const jobId = String(submitted.main[0].json.jobId);
		const get = (output?: string) => run({ resource: 'job', operation: 'get', jobId: { __rl: true, mode: 'id', value: jobId }, ...(output ? { output } : {}) }, [{ json: {} }]);
		const [simplified] = jsonOf(await get());
		expect(Object.keys(simplified)).toEqual(['jobId', '_id', 'side', 'final_grade', 'corners', 'edges', 'surface', 'centering', 'condition', 'image_url']);
		const [all] = jsonOf(await get('allColumns'));
		expect(all).toEqual(expect.objectContaining({ ...simplified, jobStatus: 'DONE', centering_left_right: expect.any(String) }));
		const [raw] = jsonOf(await get('raw'));
		expect(raw).toEqual(expect.objectContaining({ jobId, grades: expect.any(Object) }));
	});
});
