/**
 * A failed image never hides the others' results. n8n's On Error decides, as for every node:
 * with "Stop Workflow" (the default) the node throws at its first failed item and n8n shows
 * nothing else, so the error names that item once, the way n8n counts items ("[item 2]", the
 * third), and says how many other images were processed and billed, failed or not sent, and
 * how to keep their results; with "Continue (using error output)" the good results go on and
 * the failed image leaves on the error output.
 */
import { runNode, type InputItem, type RunResult } from './harness/engine';
import { pairedIndex } from './support/outputs';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();
const TCG = '/collectibles/v2/tcg_id';
const KEEP = 'set this node\'s Settings > On Error to "Continue (using error output)"';

/** Three card photos, the third a broken link: the first hour. */
const cards = () => [
	{ json: { sku: 'card-1', url: `${ctx.sim.url}/samples/card-1.png` } },
	{ json: { sku: 'card-2', url: `${ctx.sim.url}/samples/card-2.png` } },
	{ json: { sku: 'card-3', url: 'https://photos.unreachable.invalid/card-3.jpg' } },
];

const recognize = (extra: Record<string, unknown> = {}) => urlRecognizeParameters(extra, '={{ $json.sku }}');

const run = async (
	parameters: Record<string, unknown>,
	items: InputItem[],
	onError?: 'continueRegularOutput' | 'continueErrorOutput',
): Promise<RunResult> => await runNode({ parameters: parameters as never, items, credentials: ctx.credentials, onError, upstream: true });

/** What n8n 2.8's error view does (NodeErrorView, addItemIndexSuffix): it adds " [item N]" unless the message already holds "item N". */
function shownInEditor(message: string, itemIndex: number): string {
	const suffix = `item ${itemIndex}`;
	return message.includes(suffix) ? message : `${message} [${suffix}]`;
}

describe('On Error: Stop Workflow (n8n\'s default)', () => {
	it('names the failed image once, as n8n counts items, and says the other 2 were processed and billed and how to keep them', async () => {
		const result = await run(recognize(), cards());
		expect(result.status).toBe('error');
		expect(result.main).toEqual([]);
		const message = result.error!.message;
		expect(message).toMatch(/^Ximilar could not process the image: .+ \[item 2\]$/);
		expect(shownInEditor(message, 2)).toBe(message);
		expect(message.match(/item/gi)).toHaveLength(1);
		expect(result.error!.description).toContain('2 other images of this run were processed by Ximilar and billed, but the node stopped here, so their results are not shown.');
		expect(result.error!.description).toContain(`To keep the results of the images that worked, ${KEEP}`);
		// What the error says was billed is what was: the three images went in one request.
		expect(ctx.sim.log.filter((entry) => entry.path === TCG).map((entry) => entry.recordCount)).toEqual([3]);
		expect(ctx.sim.creditsUsed).toBe(3);
	});

	it('says how many images were not sent, and billed nothing for them', async () => {
		const items = Array.from({ length: 6 }, (_, row) => ({ json: { sku: `card-${row}`, url: row === 1 ? 'ftp://cards.example/1.jpg' : `${ctx.sim.url}/samples/card-1.png` } }));
		// One image per request, one request at a time: the node stops sending after the refused image.
		const result = await run(recognize({ options: { recordsPerRequest: 1, parallelRequests: 1 } }), items);
		expect(result.error!.message).toMatch(/^The image URL must start with http:\/\/ or https:\/\/.* \[item 1\]$/);
		expect(ctx.sim.log.filter((entry) => entry.path === TCG).map((entry) => entry.recordIds)).toEqual([['card-0']]);
		const description = result.error!.description!;
		expect(description).toContain('1 other image of this run was processed by Ximilar and billed, but the node stopped here, so its result is not shown.');
		expect(description).toContain('4 other images were not sent (not billed).');
		expect(description).toContain(KEEP);
		expect(ctx.sim.creditsUsed).toBe(1);
	});

	it('says nothing of other images when there are none', async () => {
		const result = await run(recognize(), [cards()[2]]);
		expect(result.error!.message).toMatch(/ \[item 0\]$/);
		expect(result.error!.description).toBe('Check that the URL is public and links straight to an image file, not a web page.');
	});

	it('when every image failed, says so and how to get each error as an item', async () => {
		ctx.sim.queueFaultsFor(TCG, { kind: 'status', status: 400, body: { detail: 'Bad image batch.' } });
		const result = await run(recognize(), cards().slice(0, 2));
		expect(result.error!.message).toBe('Ximilar rejected the request: Bad image batch [item 0]');
		expect(result.error!.description).toContain('1 other image failed too.');
		expect(result.error!.description).toContain(`To get each image's error as an item of its own, ${KEEP}.`);
	});

	it('counts jobs for Grade Card, and items for a free read', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		const grading = {
			resource: 'image',
			operation: 'gradeCard',
			gradingEndpoint: 'grade',
			imageSource: 'url',
			imageUrl: '={{ $json.url }}',
			recordId: '={{ $json.sku }}',
			options: { parallelRequests: 1 },
		};
		const urls = [`${ctx.sim.url}/samples/card-1.png`, 'mailto:card', `${ctx.sim.url}/samples/card-2.png`];
		const graded = await run(grading, urls.map((url, row) => ({ json: { sku: `g-${row}`, url } })));
		expect(graded.error!.message).toMatch(/ \[item 1\]$/);
		// One job at a time: the first was submitted and billed, the third never sent.
		expect(graded.error!.description).toContain('1 other job of this run was processed by Ximilar and billed');
		expect(graded.error!.description).toContain('1 other job was not sent (not billed).');
		expect(graded.error!.description).toContain(`To keep the results of the jobs that worked, ${KEEP}`);

		const jobGet = { resource: 'job', operation: 'get', jobId: '={{ $json.id }}' };
		const done = String((await run({ ...grading, options: {} }, [{ json: { sku: 'g', url: urls[0] } }])).main[0].json.jobId);
		const read = await run(jobGet, [{ json: { id: done } }, { json: { id: 'not a job' } }]);
		expect(read.error!.message).toBe('"not a job" is not a job ID [item 1]');
		expect(read.error!.description).toContain('1 other item of this run was done, but the node stopped here');
		expect(read.error!.description).not.toMatch(/billed/);
	});
});

describe('On Error: Continue (using error output)', () => {
	it('the two good cards go on, paired and in order; the broken one leaves on the error output with its input fields', async () => {
		const result = await run(recognize(), cards(), 'continueErrorOutput');
		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => [pairedIndex(item), item.json._id])).toEqual([
			[0, 'card-1'],
			[1, 'card-2'],
		]);
		expect(result.main.every((item) => typeof item.json.name === 'string')).toBe(true);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].pairedItem).toEqual({ item: 2 });
		expect(result.errorOutput[0].json).toEqual(
			expect.objectContaining({
				sku: 'card-3',
				error: expect.objectContaining({ message: expect.stringMatching(/^Ximilar could not process the image: .+ \[item 2\]$/), _id: 'card-3', itemIndex: 2 }),
			}),
		);
	});
});

describe('On Error: Continue', () => {
	it('every item in its place: two results, then the error item', async () => {
		const result = await run(recognize(), cards(), 'continueRegularOutput');
		expect(result.main.map((item) => [pairedIndex(item), item.json._id, item.json.error === undefined])).toEqual([
			[0, 'card-1', true],
			[1, 'card-2', true],
			[2, 'card-3', false],
		]);
	});
});
