/**
 * Requests as docs/ximilar-api.md documents them (§3.2, §3.1, §5, §8, §9, §10): where each
 * option goes, checked on what reached the simulator and on what came back, through n8n's engine.
 */
import { pngItems } from './harness/items';
import { nodeRunner, recognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { failureOf } from './support/outputs';

const ctx = useSimulator();
const run = nodeRunner(ctx);
const recognize = (extra: Record<string, unknown> = {}) => recognizeParameters({ recordId: '={{ "row-" + $json.row }}', ...extra });

describe('Card Language', () => {
	it('goes on each record as Alphabet, never as a box-less _objects entry, and the cards are identified in that alphabet', async () => {
		const result = await run(recognize({ serviceOptions: { cardLanguage: 'japanese' } }), pngItems(3));
		expect(result.error).toBeUndefined();
		const body = ctx.sim.lastBody('/collectibles/v2/tcg_id');
		expect(body.records.map((record: Record<string, unknown>) => [record.Alphabet, record._objects])).toEqual([
			['japanese', undefined], ['japanese', undefined], ['japanese', undefined],
		]);
		// A box-less object would have replaced Ximilar's own detection: the cards would come back unidentified.
		for (const item of result.main) {
			expect(failureOf(item)).toBeUndefined();
			expect(item.json.name).toEqual(expect.any(String));
			expect(item.json.set).toMatch(/Japanese/);
		}
	});

	it('is not sent at all on automatic, so Ximilar detects the alphabet itself', async () => {
		await run(recognize({ serviceOptions: { cardLanguage: '' } }), pngItems(1));
		expect(ctx.sim.lastBody('/collectibles/v2/tcg_id').records[0]).not.toHaveProperty('Alphabet');
	});
});
