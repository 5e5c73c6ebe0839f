import { runNode, type InputItem, type RunResult } from './engine';

/** Recognize parameters with binary images and Trading Card Identification, plus `extra`. */
export const recognizeParameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'recognize',
	service: 'tcgId',
	imageSource: 'binary',
	binaryPropertyName: 'data',
	...extra,
});

/** Recognize parameters with Trading Card Identification on each item's `$json.url`, the Record ID from `recordId`, plus `extra`. */
export const urlRecognizeParameters = (extra: Record<string, unknown> = {}, recordId = '={{ "row-" + $json.row }}') => ({
	resource: 'image',
	operation: 'recognize',
	service: 'tcgId',
	imageSource: 'url',
	imageUrl: '={{ $json.url }}',
	recordId,
	...extra,
});

/** A runner bound to a test file's simulator: parameters, items, and the node's On Error setting. */
export function nodeRunner(ctx: { credentials: { apiToken: string; apiUrl: string } }) {
	return async (
		parameters: Record<string, unknown>,
		items: InputItem[],
		onError?: 'continueRegularOutput' | 'continueErrorOutput',
	): Promise<RunResult> => await runNode({ parameters: parameters as never, items, credentials: ctx.credentials, onError });
}
