import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemFailure } from './itemFailure';

/** Every message in one style: "Item 3: Sentence that starts with a capital", no final period. */
function withItem(message: string, itemIndex: number | undefined): string {
	const sentence = message.charAt(0).toUpperCase() + message.slice(1).replace(/\.$/, '');
	return itemIndex === undefined ? sentence : `Item ${itemIndex}: ${sentence}`;
}

/** The error response object NodeApiError reads: our message, and Ximilar's own text as `detail`. */
function failureResponse(failure: ItemFailure, message: string): JsonObject {
	const response: JsonObject = { message };
	if (failure.statusText !== undefined) response.detail = failure.statusText;
	return response;
}

/** n8n errors that carry their own description (ExpressionError and the node errors) are shown as they are. */
function isN8nError(error: Error): error is Error & { context: JsonObject; description?: string | null } {
	return 'context' in error && typeof (error as { context?: unknown }).context === 'object';
}

/**
 * The n8n error for a failure, naming the item when there is one. n8n replaces a message
 * that mentions a network code (ECONNREFUSED, ETIMEDOUT, ...) with its own generic text,
 * which would lose the item and what to do: the message is set again after construction,
 * and the codes themselves go in the description.
 */
export function failureToError(node: INode, failure: ItemFailure, itemIndex?: number): Error {
	const message = withItem(failure.message, itemIndex);
	if (failure.thrown) {
		if (isN8nError(failure.thrown)) {
			if (itemIndex !== undefined && failure.thrown.context.itemIndex === undefined) {
				failure.thrown.context.itemIndex = itemIndex;
			}
			return failure.thrown;
		}
		const error = new NodeOperationError(node, failure.thrown, { itemIndex, description: failure.description });
		error.message = message;
		return error;
	}
	if (failure.kind === 'input') {
		const error = new NodeOperationError(node, message, { itemIndex, description: failure.description });
		error.message = message;
		return error;
	}
	const error = new NodeApiError(node, failureResponse(failure, message), {
		message,
		description: failure.description ?? failure.statusText,
		httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : undefined,
		itemIndex,
	});
	error.message = message;
	return error;
}

/** Every detail of a failure, for an IF node or a spreadsheet: what failed, why, and Ximilar's words. */
function failureDetails(failure: ItemFailure, itemIndex: number): JsonObject {
	const details: JsonObject = {};
	if (failure.statusCode !== undefined) details.statusCode = failure.statusCode;
	if (failure.statusText !== undefined) details.statusText = failure.statusText;
	if (failure.recordId !== undefined) details._id = failure.recordId;
	details.itemIndex = itemIndex;
	return details;
}

/** The json of an error item under "Continue (using regular output)": flat, one column per detail. */
export function failureToJson(failure: ItemFailure, itemIndex: number): JsonObject {
	const json: JsonObject = { error: withItem(failure.message, itemIndex) };
	if (failure.description) json.errorDescription = failure.description;
	return { ...json, ...failureDetails(failure, itemIndex) };
}

/**
 * The json of an item for the error output. n8n routes an item there only when its json
 * is `{ error }` alone (or `{ error, message }`), then adds the input item's fields; so the
 * details travel inside `error`, and the input fields stay beside it.
 */
export function failureToErrorOutputJson(failure: ItemFailure, itemIndex: number): JsonObject {
	const error: JsonObject = { message: withItem(failure.message, itemIndex) };
	if (failure.description) error.description = failure.description;
	return { error: { ...error, ...failureDetails(failure, itemIndex) } };
}
