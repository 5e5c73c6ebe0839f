/**
 * Engine tests (n8n's WorkflowExecute against the simulator) for the documented response
 * shapes of docs/ximilar-api.md: what each service's simplified output reads, and request
 * fields placed where Ximilar reads them.
 */
import { nodeRunner, recognizeParameters } from './harness/recognizeRun';
import { pngItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';
import { failureOf, pairedIndex } from './support/outputs';

const ctx = useSimulator();

// Every column and where it comes from: the All Columns row (Simplified picks from it: output.test.ts).
const recognize = (extra: Record<string, unknown> = {}) => recognizeParameters({ recordId: '={{ "row-" + $json.row }}', output: 'allColumns', ...extra });

const run = nodeRunner(ctx);

const requestsTo = (path: string) => ctx.sim.log.filter((entry) => entry.path === path);

describe('cards', () => {
	it('sport cards: set_name, sub_set, card_type and the card maker as company (never a slab column)', async () => {
		const result = await run(recognize({ service: 'sportId', serviceOptions: { priceStats: true } }), pngItems(3));
		expect(result.error).toBeUndefined();
		for (const item of result.main) {
			expect(item.json).toEqual(
				expect.objectContaining({
					name: expect.any(String),
					set_name: expect.any(String),
					sub_set: expect.any(String),
					card_type: expect.any(String),
					company: expect.any(String),
					price_median: expect.any(Number),
					price_stats_type: 'ungraded',
				}),
			);
			expect(item.json).not.toHaveProperty('slab_company');
			expect(item.json).not.toHaveProperty('set');
		}
	});

	it('slabs: grade, grading company and certificate from the "Slab Label" object; the card stays the card', async () => {
		const result = await run(recognize({ serviceOptions: { slabId: true, slabGrade: true } }), pngItems(2));
		expect(result.error).toBeUndefined();
		const body = ctx.sim.lastBody('/collectibles/v2/tcg_id');
		expect(body).toEqual(expect.objectContaining({ slab_id: true, slab_grade: true }));
		for (const item of result.main) {
			expect(item.json).toEqual(
				expect.objectContaining({
					name: expect.any(String),
					set: expect.any(String),
					slab_company: expect.stringMatching(/^(PSA|BGS|CGC|SGC)$/),
					slab_grade: expect.any(String),
					slab_certificate: expect.stringMatching(/^\d{8}$/),
				}),
			);
		}
	});

	it('analyze_all: one request per image, one output item per card found, all paired to that image', async () => {
		const result = await run(recognize({ serviceOptions: { analyzeAll: true } }), pngItems(3));
		expect(result.error).toBeUndefined();
		expect(requestsTo('/collectibles/v2/tcg_id').map((entry) => entry.recordCount)).toEqual([1, 1, 1]);
		const perInput = [0, 1, 2].map((input) => result.main.filter((item) => pairedIndex(item) === input));
		for (const [input, items] of perInput.entries()) {
			expect(items.length).toBeGreaterThanOrEqual(2); // the simulator finds 2-3 cards per photo
			expect(items.map((item) => item.json.card_index)).toEqual(items.map((_, i) => i + 1));
			expect(items.every((item) => item.json._id === `row-${input}` && item.json.cards_found === items.length)).toBe(true);
		}
		// Outputs stay in input order.
		expect(result.main.map(pairedIndex)).toEqual([...result.main.map(pairedIndex)].sort());
	});

	it('magic_ai: at most two records per request, even when Records per Request says more', async () => {
		const result = await run(recognize({ service: 'sportId', serviceOptions: { magicAi: true }, options: { recordsPerRequest: 10 } }), pngItems(5));
		expect(result.error).toBeUndefined();
		expect(requestsTo('/collectibles/v2/sport_id').map((entry) => entry.recordCount)).toEqual([2, 2, 1]);
		expect(result.main.map((item) => item.json._id)).toEqual(['row-0', 'row-1', 'row-2', 'row-3', 'row-4']);
	});
});

describe('tags, colours, background removal', () => {
	it('photo tags: the _tags list gives tags and a top category; tagging mode is left to Ximilar unless set', async () => {
		const result = await run(recognize({ service: 'photoTags' }), pngItems(2));
		expect(ctx.sim.lastBody('/photo/tags/v2/tags')).not.toHaveProperty('tagging_mode');
		for (const item of result.main) {
			expect((item.json.tags as string[]).length).toBeGreaterThan(3);
			expect(item.json.top_category).toBe((item.json.tags as string[])[0]);
		}
	});

	it('dominant colours: asks for colour names and keeps hex, names and percentages', async () => {
		const result = await run(recognize({ service: 'productColors', serviceOptions: { colors: 4 } }), pngItems(1));
		expect(ctx.sim.lastBody('/dom_colors/product/v2/dominantcolor')).toEqual(expect.objectContaining({ color_names: true, colors: 4 }));
		const json = result.main[0].json;
		expect(json.color_names).toHaveLength(4);
		expect(json.colors_hex).toEqual(Array.from({ length: 4 }, () => expect.stringMatching(/^#[0-9a-f]{6}$/)));
		expect(json.percentages).toEqual(Array.from({ length: 4 }, () => expect.any(Number)));
		expect(json.top_color).toBe((json.color_names as string[])[0]);
	});

	it('background removal with a mask: the flags go in each record, the mask and white-background URLs surface', async () => {
		const result = await run(
			recognize({ service: 'removeBgPrecise', serviceOptions: { binaryMask: true, whiteBackground: true, imageFormat: 'png' } }),
			pngItems(2),
		);
		const body = ctx.sim.lastBody('/removebg/precise/removebg');
		expect(body.image_format).toBe('png');
		expect(body).not.toHaveProperty('binary_mask');
		expect(body.records.every((record: Record<string, unknown>) => record.binary_mask === true && record.white_background === true)).toBe(true);
		for (const item of result.main) {
			expect(item.json.output_url).toBeNull();
			expect(item.json.output_url_mask).toMatch(/\/samples\/removebg\/[0-9a-f]+\.jpg$/);
			expect(item.json.output_url_whitebg).toMatch(/\.jpg$/);
		}
	});
});

describe('new services', () => {
	it.each([
		['collectiblesAnalyze', '/collectibles/v2/analyze', 'name'],
		['cardOcrId', '/collectibles/v2/card_ocr_id', 'name'],
		['slabGrade', '/collectibles/v2/slab_grade', 'slab_grade'],
		['homeDecorDetectTagsAll', '/tagging/homedecor/v2/detect_tags_all', 'objects'],
		['fashionMeta', '/tagging/fashion/v2/meta', 'meta_tags'],
		['ocrRead', '/ocr/v2/read', 'text'],
	])('%s posts to %s and fills %s', async (service, path, column) => {
		const result = await run(recognize({ service }), pngItems(2));
		expect(result.error).toBeUndefined();
		expect(ctx.sim.log.map((entry) => entry.path)).toEqual([path]);
		for (const item of result.main) {
			expect(item.json[column]).not.toBeNull();
			expect(item.json[column]).not.toEqual([]);
		}
	});

	it('OCR with GPT sends each item its own prompt; an empty prompt fails only its item, before any request', async () => {
		const items = pngItems(3).map((item, i) => ({ ...item, json: { ...item.json, ask: ['Return the invoice number', '', 'What is the total?'][i] } }));
		const result = await run(recognize({ service: 'ocrReadGpt', prompt: '={{ $json.ask }}' }), items, 'continueRegularOutput');
		const body = ctx.sim.lastBody('/ocr/v2/read_gpt');
		expect(body.records.map((record: Record<string, unknown>) => record.prompt)).toEqual(['Return the invoice number', 'What is the total?']);
		expect(result.main).toHaveLength(3);
		expect(failureOf(result.main[1])?.message).toBe('Prompt is empty [item 1]');
		for (const index of [0, 2]) {
			expect(result.main[index].json).toEqual(expect.objectContaining({ answer: expect.any(String), text: expect.any(String), _id: `row-${index}` }));
		}
	});
});

describe('errors', () => {
	it('a bare-integer status (service unavailable) in a 200 reply fails the request', async () => {
		ctx.sim.queueFaults({ kind: 'status', status: 200, body: { status: 503, records: [] } });
		const result = await run(recognize({ options: { maxRetries: 0 } }), pngItems(2), 'continueRegularOutput');
		expect(result.main).toHaveLength(2);
		for (const item of result.main) {
			expect(failureOf(item)).toBeDefined();
			expect(item.json.statusCode).toBe(503);
		}
	});
});
