/**
 * Answers read in every documented shape (docs/ximilar-api.md §3.3, §3.6, §6.2): engine runs
 * against the simulator, and documented answers given back to the node as Ximilar would send them.
 */
import { responseFixtures } from './fixtures/responses';
import { pngItems } from './harness/items';
import { nodeRunner, recognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { failureOf } from './support/outputs';

const ctx = useSimulator();
const run = nodeRunner(ctx);
// Every column and where it comes from: the All Columns row (Simplified picks from it: output.test.ts).
const recognize = (extra: Record<string, unknown> = {}) => recognizeParameters({ recordId: '={{ "row-" + $json.row }}', output: 'allColumns', ...extra });
const fixture = (file: string) => responseFixtures().find((candidate) => candidate.file === file)!;

describe('collectibles answers', () => {
	it('top_category comes from the object\'s own "Top Category", not from its Category tag', async () => {
		const processed = await run(recognize({ service: 'collectiblesProcess' }), pngItems(4));
		const cards = await run(recognize({ service: 'tcgId' }), pngItems(2));
		for (const item of processed.main) expect(['Card', 'Comics']).toContain(item.json.top_category);
		for (const item of cards.main) expect(item.json.top_category).toBe('Card');
	});

	it('the record\'s Category and "Graded Slab" become the category and graded_slab columns', async () => {
		const loose = await run(recognize({ service: 'sportId' }), pngItems(2));
		for (const item of loose.main) expect(item.json).toEqual(expect.objectContaining({ category: 'Card/Sport Card', graded_slab: false }));
		const slabbed = await run(recognize({ service: 'sportId', serviceOptions: { slabId: true } }), pngItems(1));
		expect(slabbed.main[0].json.graded_slab).toBe(true);
	});

	it('reads _identification from the record when it is not inside an _objects entry', async () => {
		const answer = fixture('collectibles-tcg_id-record-identification.json');
		ctx.sim.queueFaults({ kind: 'status', status: 200, body: answer.response });
		const result = await run(recognize({ recordId: 'slabbed-1', serviceOptions: { priceStats: true } }), pngItems(1));
		expect(failureOf(result.main[0])).toBeUndefined();
		expect(result.main.map((item) => item.json)).toEqual(answer.expected[0]);
		expect(result.main[0].json).toEqual(expect.objectContaining({ name: 'Lugia V', confidence: 'high', graded_slab: true, graded_price_median: 512.35 }));
	});

	it('keeps the graded price statistics beside the ungraded ones', async () => {
		const result = await run(recognize({ serviceOptions: { priceStats: true } }), pngItems(3));
		for (const item of result.main) {
			expect(item.json.price_stats_type).toBe('ungraded');
			expect(item.json.graded_price_median).toEqual(expect.any(Number));
			expect(item.json.graded_price_latest_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			// The simulator's graded prices are about six times the ungraded ones: two different entries.
			expect(item.json.graded_price_median as number).toBeGreaterThan(item.json.price_median as number);
		}
	});
});

describe('detection and tags', () => {
	it('keeps each detected item\'s own tags (e.g. its colour) beside the merged list', async () => {
		const result = await run(recognize({ service: 'fashionDetectTagsAll' }), pngItems(3));
		for (const item of result.main) {
			const perObject = item.json.object_tags as Array<{ name: string; category: string; tag_map: Record<string, string>; tags: string[] }>;
			expect(perObject).toHaveLength(item.json.object_count as number);
			for (const [index, object] of perObject.entries()) {
				expect(object.name).toBe((item.json.objects as string[])[index]);
				expect(object.tag_map.Color).toEqual(expect.any(String));
				expect(object.tags).toContain(object.tag_map.Color);
			}
		}
	});
});
