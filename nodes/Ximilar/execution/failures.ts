import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Why one item produced no result. Plain data, so that one failed request can be
 * recorded for each item of its batch, and turned into an n8n error only at the output.
 */
export interface ItemFailure {
	/** 'input': the item was refused before any request (no credit spent). 'api': Ximilar or the network failed it. */
	kind: 'input' | 'api';
	message: string;
	description?: string;
	/** HTTP status of the request, or the record's `_status.code`. */
	statusCode?: number;
	/** Ximilar's own text (`detail`, `status.text` or `_status.text`). */
	statusText?: string;
	recordId?: string;
}

export function inputFailure(message: string, description?: string): ItemFailure {
	return { kind: 'input', message, description };
}

function withItem(message: string, itemIndex: number | undefined): string {
	return itemIndex === undefined ? message : `Item ${itemIndex}: ${message}`;
}

/** The error response object NodeApiError reads: our message, and Ximilar's own text as `detail`. */
function failureResponse(failure: ItemFailure, itemIndex?: number): JsonObject {
	const response: JsonObject = { message: withItem(failure.message, itemIndex) };
	if (failure.statusText !== undefined) response.detail = failure.statusText;
	return response;
}

/** The n8n error for a failure, naming the item when there is one. */
export function failureToError(
	node: INode,
	failure: ItemFailure,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	const message = withItem(failure.message, itemIndex);
	if (failure.kind === 'input') {
		return new NodeOperationError(node, message, { itemIndex, description: failure.description });
	}
	return new NodeApiError(node, failureResponse(failure, itemIndex), {
		message,
		description: failure.description ?? failure.statusText,
		httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : undefined,
		itemIndex,
	});
}

/** The json of an error item under Continue On Fail: what failed and why, for a spreadsheet or an IF node. */
export function failureToJson(failure: ItemFailure, itemIndex: number): JsonObject {
	const json: JsonObject = { error: withItem(failure.message, itemIndex), itemIndex };
	if (failure.description) json.errorDescription = failure.description;
	if (failure.statusCode !== undefined) json.statusCode = failure.statusCode;
	if (failure.statusText !== undefined) json.statusText = failure.statusText;
	if (failure.recordId !== undefined) json._id = failure.recordId;
	return json;
}

/** The json of an item for the error output: exactly `error` and `message`, the shape n8n routes there. */
export function failureToErrorOutputJson(failure: ItemFailure, itemIndex: number): JsonObject {
	return {
		error: withItem(failure.message, itemIndex),
		message: failure.description ?? failure.statusText ?? failure.message,
	};
}
