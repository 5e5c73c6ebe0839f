/**
 * Requests as docs/ximilar-api.md documents them (§3.2, §3.1, §5, §8, §9, §10): where each
 * option goes, checked on what reached the simulator and on what came back, through n8n's engine.
 */
import type { INodeProperties } from 'n8n-workflow';

import { pngItems } from './harness/items';
import { loadPackage } from './harness/package';
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

describe('service options where the docs put them', () => {
	it('offers Include Price Statistics only for tcg_id, sport_id and comics_id, and says so for the other card services', async () => {
		const { Ximilar } = loadPackage();
		const properties = new Ximilar().description.properties;
		const collection = properties.find((property) => property.name === 'serviceOptions')!;
		const priceStats = (collection.options as INodeProperties[]).find((option) => option.name === 'priceStats')!;
		expect([...(priceStats.displayOptions?.show?.['/service'] as string[])].sort()).toEqual(['comicsId', 'sportId', 'tcgId']);
		const notice = properties.find((property) => property.name === 'priceStatsNotice')!;
		expect(notice.displayName).toMatch(/price statistics .* only for Trading Card, Sport Card and Comics Identification/);
		expect([...(notice.displayOptions?.show?.service as string[])].sort()).toEqual(['cardOcrId', 'collectiblesAnalyze', 'slabId']);
		// A workflow saved with the option on another service does not send it.
		await run(recognize({ service: 'collectiblesAnalyze', serviceOptions: { priceStats: true, pricing: true } }), pngItems(1));
		expect(ctx.sim.lastBody('/collectibles/v2/analyze')).toEqual(expect.objectContaining({ pricing: true }));
		expect(ctx.sim.lastBody('/collectibles/v2/analyze')).not.toHaveProperty('price_stats');
	});

	it('sends collectibles Fields to Return as a list of names', async () => {
		await run(recognize({ serviceOptions: { fieldsToReturn: ' _objects,  _id ,' } }), pngItems(1));
		expect(ctx.sim.lastBody('/collectibles/v2/tcg_id').fields_to_return).toEqual(['_objects', '_id']);
	});

	it('sends background removal image_quality at the top level, its flags in each record', async () => {
		await run(recognize({ service: 'removeBgFast', serviceOptions: { imageQuality: 70, imageFormat: 'jpg', whiteBackground: true } }), pngItems(2));
		const body = ctx.sim.lastBody('/removebg/fast/removebg');
		expect(body).toEqual(expect.objectContaining({ image_quality: 70, image_format: 'jpg' }));
		expect(body.records.map((record: Record<string, unknown>) => record.white_background)).toEqual([true, true]);
	});

	it.each([
		['customClassify', '/recognition/v2/classify/'],
		['customDetect', '/detection/v2/detect/'],
	])('%s: Store Images sends store_images and each row carries the stored_image_id', async (service, path) => {
		const task = { __rl: true, mode: 'id', value: 'task-1' };
		const kept = await run(recognize({ service, task, serviceOptions: { storeImages: true } }), pngItems(2));
		expect(ctx.sim.lastBody(path)).toEqual(expect.objectContaining({ task: 'task-1', store_images: true }));
		for (const item of kept.main) expect(item.json.stored_image_id).toMatch(/^[0-9a-f-]{36}$/);
		const plain = await run(recognize({ service, task }), pngItems(1));
		expect(plain.main[0].json).not.toHaveProperty('stored_image_id');
	});

	it('Upscale sends Model Type as model_type; Grade Card sends Condition Mode as the top-level mode of the condition endpoint only', async () => {
		const upscale = { resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'binary', binaryPropertyName: 'data', resultMode: 'submit' };
		await run({ ...upscale, upscaleModelType: 'classic' }, pngItems(1));
		expect(ctx.sim.lastBody('/account/v2/request/', true)).toEqual(expect.objectContaining({ type: 'upscaler', model_type: 'classic' }));
		await run(upscale, pngItems(1));
		expect(ctx.sim.lastBody('/account/v2/request/', true)).not.toHaveProperty('model_type');
		const grade = { resource: 'image', operation: 'gradeCard', imageSource: 'binary', binaryPropertyName: 'data', resultMode: 'submit', conditionMode: 'tcgplayer' };
		await run({ ...grade, gradingEndpoint: 'condition' }, pngItems(1));
		expect(ctx.sim.lastBody('/account/v2/request/', true)).toEqual(expect.objectContaining({ endpoint: 'condition', mode: 'tcgplayer' }));
		await run({ ...grade, gradingEndpoint: 'grade' }, pngItems(1));
		expect(ctx.sim.lastBody('/account/v2/request/', true)).not.toHaveProperty('mode');
	});
});
