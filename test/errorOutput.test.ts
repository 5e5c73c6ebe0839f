/**
 * The error output keeps details: with "On Error: Continue (using
 * error output)", each failed item leaves on the error output paired with its input,
 * with the input item's fields and, inside `error`, the message, what to do, the status
 * code, Ximilar's own text and the record's `_id`. Run after a node, as in a workflow,
 * since n8n adds the input's fields only to items whose source it knows.
 */
import { runNode } from './harness/engine';
import { urlItems } from './harness/items';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();
const PATH = '/collectibles/v2/tcg_id';

const parameters = urlRecognizeParameters({ options: { parallelRequests: 1 } });

const run = async (items = urlItems(4)) =>
	await runNode({ parameters: parameters as never, items, credentials: ctx.credentials, onError: 'continueErrorOutput', upstream: true });

it('a record Ximilar could not process: its status, its text and its _id, beside the input fields', async () => {
	const items = urlItems(4);
	items[2].json!.url = 'https://photos.unreachable.invalid/card.jpg';
	const result = await run(items);
	expect(result.main.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
	expect(result.errorOutput).toHaveLength(1);
	expect(result.errorOutput[0].pairedItem).toEqual({ item: 2 });
	expect(result.errorOutput[0].json).toEqual({
		row: 2,
		url: 'https://photos.unreachable.invalid/card.jpg',
		error: {
			message: 'Ximilar could not process the image: Image could not be downloaded from URL [item 2]',
			description: 'Check that the URL is public and links straight to an image file, not a web page.',
			statusCode: 400,
			statusText: 'Image could not be downloaded from URL',
			_id: 'row-2',
			itemIndex: 2,
		},
	});
});

it('a request Ximilar rejected: every item of it, each with its own _id', async () => {
	ctx.sim.queueFaultsFor(PATH, { kind: 'status', status: 400, body: { detail: 'Bad image batch.' } });
	const result = await run(urlItems(2));
	expect(result.main).toEqual([]);
	expect(result.errorOutput.map((item) => item.json)).toEqual(
		[0, 1].map((row) => ({
			row,
			url: `https://img.example.com/card-${row}.jpg`,
			error: {
				message: `Ximilar rejected the request: Bad image batch [item ${row}]`,
				description: 'Check the node parameters and the fields sent with each image.',
				statusCode: 400,
				statusText: 'Bad image batch.',
				_id: `row-${row}`,
				itemIndex: row,
			},
		})),
	);
});
