/**
 * Image > Run Flow (docs/ximilar-api.md §12): the Flow picked from the account's list or by ID,
 * images sent 10 per request to /flows/v2/process, one paired output per image with the
 * labels and tags the flow's models gave. Through n8n's engine, against the simulator.
 */
import { listSearch } from './harness/engine';
import { pngItems } from './harness/items';
import { nodeRunner } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { FLOWS, flowId } from './simulator';
import { failureOf, pairedIndex } from './support/outputs';

const ctx = useSimulator();
const run = nodeRunner(ctx);
const PROCESS = '/flows/v2/process';

const runFlow = (flow: unknown, extra: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'runFlow',
	flow,
	imageSource: 'binary',
	binaryPropertyName: 'data',
	recordId: '={{ "row-" + $json.row }}',
	...extra,
});
const fromList = (name: string) => ({ __rl: true, mode: 'list', value: flowId(name), cachedResultName: name });
const flowOf = (kind: string) => FLOWS.find((flow) => flow.valid && flow.name === kind)!.name;

const list = async (filter?: string, paginationToken?: string) =>
	await listSearch({
		parameters: runFlow({ __rl: true, mode: 'list', value: '' }) as never,
		credentials: ctx.credentials,
		method: 'searchFlows',
		parameter: 'flow',
		filter,
		paginationToken,
	});

describe('the Flow list', () => {
	it('lists the account\'s flows page by page, by name, with their descriptions; a flow Ximilar calls not valid is marked', async () => {
		const first = await list();
		const second = await list(undefined, first.paginationToken as string);
		expect(first.paginationToken).toBe('2');
		expect(second.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results];
		expect(all.map((flow) => flow.value).sort()).toEqual(FLOWS.map((flow) => flowId(flow.name)).sort());
		expect(first.results.map((flow) => flow.name)).toEqual([...first.results.map((flow) => flow.name)].sort((a, b) => a.localeCompare(b)));
		expect(all.find((flow) => flow.value === flowId('Draft flow'))?.name).toBe('Draft flow (not valid)');
		expect(all.every((flow) => typeof flow.description === 'string' && flow.description.length > 0)).toBe(true);
		expect(ctx.sim.log.map((entry) => [entry.method, entry.path, entry.query])).toEqual([
			['GET', '/flows/v2/flow/', 'page=1'],
			['GET', '/flows/v2/flow/', 'page=2'],
		]);
	});

	it('filters by what the user types', async () => {
		const found = await list('shelf');
		expect(found.results.map((flow) => flow.name)).toEqual(['Shelf check']);
		expect(ctx.sim.log.at(-1)?.query).toBe('page=1&search=shelf');
	});
});

describe('Run Flow', () => {
	it('sends 12 images as 10 + 2 records with the flow picked from the list; one output per image, in order, paired', async () => {
		const result = await run(runFlow(fromList(flowOf('Sneaker sorter')), { output: 'allColumns' }), pngItems(12));
		expect(result.error).toBeUndefined();
		const requests = ctx.sim.log.filter((entry) => entry.path === PROCESS);
		expect(requests.map((entry) => entry.recordCount)).toEqual([10, 2]);
		expect(ctx.sim.lastBody(PROCESS)).toEqual(expect.objectContaining({ flow: flowId('Sneaker sorter') }));
		expect(result.main.map((item) => [pairedIndex(item), item.json._id])).toEqual(Array.from({ length: 12 }, (_, i) => [i, `row-${i}`]));
		for (const item of result.main) {
			expect(item.json.best_label).toEqual(expect.any(String));
			expect(item.json.probability).toEqual(expect.any(Number));
			expect(item.json.labels).toEqual([item.json.best_label]);
			expect(Object.keys(item.json).slice(-2)).toEqual(['_id', 'status_code']);
		}
	});

	it.each([
		['Fashion attributes', (json: Record<string, unknown>) => expect((json.tag_map as Record<string, string>).Color).toEqual(expect.any(String))],
		['Shelf check', (json: Record<string, unknown>) => expect((json.object_count as number) > 0 && (json.tags as string[]).length > 0).toBe(true)],
		['Card triage', (json: Record<string, unknown>) => expect(Object.keys(json.label_map as object)).toEqual(['Card condition', 'Card side'])],
	])('reads the labels and tags of the %s flow', async (name, check) => {
		const result = await run(runFlow({ __rl: true, mode: 'id', value: flowId(name) }, { output: 'allColumns' }), pngItems(2));
		expect(result.error).toBeUndefined();
		for (const item of result.main) check(item.json);
	});

	it('items mapped to two flows go in separate requests; Store Images (Options) gives each row its stored_image_id; Raw keeps the record', async () => {
		const items = pngItems(4).map((item, i) => ({ ...item, json: { ...item.json, flow: flowId(i % 2 ? 'Sneaker sorter' : 'Fashion attributes') } }));
		const result = await run(runFlow({ __rl: true, mode: 'id', value: '={{ $json.flow }}' }, { options: { storeImages: true } }), items);
		const bodies = ctx.sim.log.filter((entry) => entry.path === PROCESS).map((entry) => entry.recordIds);
		expect(bodies.map((ids) => ids.sort()).sort()).toEqual([['row-0', 'row-2'], ['row-1', 'row-3']]);
		expect(result.main.every((item) => typeof item.json.stored_image_id === 'string')).toBe(true);
		expect(ctx.sim.lastBody(PROCESS).store_images).toBe(true);
		const raw = await run(runFlow(fromList('Sneaker sorter'), { output: 'raw' }), pngItems(1));
		expect(raw.main[0].json).toEqual(expect.objectContaining({ _id: 'row-0', best_label: expect.objectContaining({ name: expect.any(String) }), _status: expect.any(Object) }));
	});

	it('an empty Flow fails its item before any request; a record Ximilar could not process fails only its item', async () => {
		const items = pngItems(3).map((item, i) => ({ ...item, json: { ...item.json, flow: i === 1 ? '' : flowId('Sneaker sorter') } }));
		ctx.sim.failRecordsWhere((record) => record._id === 'row-2');
		const result = await run(runFlow({ __rl: true, mode: 'id', value: '={{ $json.flow }}' }), items, 'continueRegularOutput');
		expect(failureOf(result.main[0])).toBeUndefined();
		expect(failureOf(result.main[1])?.message).toBe('Flow is empty [item 1]');
		expect(failureOf(result.main[2])?.message).toMatch(/^Ximilar could not process the image: Processing failed.* \[item 2\]$/);
		expect(ctx.sim.log.filter((entry) => entry.path === PROCESS).map((entry) => entry.recordIds)).toEqual([['row-0', 'row-2']]);
	});
});
