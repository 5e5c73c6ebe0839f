import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemFailure } from './itemFailure';

/**
 * Every message in one style: a sentence that starts with a capital, no final period, and
 * the item as n8n names it, "[item 2]" (counted from 0, as n8n's error view and its own
 * nodes count). n8n's editor adds that suffix itself when a message lacks it, so a message
 * that carries it is shown once, the same in the editor, in logs and on error items.
 */
function withItem(message: string, itemIndex: number | undefined): string {
	const sentence = message.charAt(0).toUpperCase() + message.slice(1).replace(/\.$/, '');
	return itemIndex === undefined ? sentence : `${sentence} [item ${itemIndex}]`;
}

/** How the other items of a run fared, when the node stops at one failed item. */
export interface RunTally {
	/** Items with a result, which n8n will not show since the node stops. */
	processed: number;
	/** Other items that failed too. */
	failed: number;
	/** Items never sent, since the node stopped sending after the failure. */
	notSent: number;
	/** What Ximilar bills per item, for operations that are billed. */
	billed?: 'image' | 'job' | 'search';
}

const plural = (noun: string) => (noun.endsWith('h') ? `${noun}es` : `${noun}s`);
const count = (n: number, noun: string) => `${n} other ${n === 1 ? noun : plural(noun)}`;
const were = (n: number) => (n === 1 ? 'was' : 'were');

/**
 * What became of the other items, and how to keep their results: n8n shows nothing of a node
 * that threw, though Ximilar processed (and billed) the images that went with this one.
 */
export function tallySentence(tally: RunTally): string | undefined {
	const noun = tally.billed ?? 'item';
	const parts: string[] = [];
	if (tally.processed > 0) {
		const done = tally.billed ? `${were(tally.processed)} processed by Ximilar and billed` : `${were(tally.processed)} done`;
		const shown = tally.processed === 1 ? 'its result is' : 'their results are';
		parts.push(`${count(tally.processed, noun)} of this run ${done}, but the node stopped here, so ${shown} not shown.`);
	}
	if (tally.failed > 0) parts.push(`${count(tally.failed, noun)} failed too.`);
	if (tally.notSent > 0) parts.push(`${count(tally.notSent, noun)} ${were(tally.notSent)} not sent${tally.billed ? ' (not billed)' : ''}.`);
	if (parts.length === 0) return undefined;
	const setting = 'set this node\'s Settings > On Error to "Continue (using error output)"';
	if (tally.processed > 0) {
		parts.push(`To keep the results of the ${plural(noun)} that worked, ${setting}: failed ${plural(noun)} then leave on the error output, the others on the success output.`);
	} else if (tally.notSent > 0) {
		parts.push(`To have the others processed even when one fails, ${setting}: failed ${plural(noun)} then leave on the error output, the others on the success output.`);
	} else {
		parts.push(`To get each ${noun}'s error as an item of its own, ${setting}.`);
	}
	return parts.join(' ');
}

const joined = (...parts: Array<string | undefined>) => parts.filter((part) => part).join(' ') || undefined;

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
 * The n8n error for a failure, naming the item when there is one, and saying what became of
 * the run's other items when the node stops at this one. n8n replaces a message that
 * mentions a network code (ECONNREFUSED, ETIMEDOUT, ...) with its own generic text, which
 * would lose the item and what to do: the message is set again after construction, and the
 * codes themselves go in the description.
 */
export function failureToError(node: INode, failure: ItemFailure, itemIndex?: number, others?: RunTally): Error {
	const message = withItem(failure.message, itemIndex);
	const othersSentence = others ? tallySentence(others) : undefined;
	const description = joined(failure.description, othersSentence);
	if (failure.thrown) {
		if (isN8nError(failure.thrown)) {
			if (itemIndex !== undefined && failure.thrown.context.itemIndex === undefined) {
				failure.thrown.context.itemIndex = itemIndex;
			}
			if (othersSentence) failure.thrown.description = joined(failure.thrown.description ?? undefined, othersSentence);
			return failure.thrown;
		}
		const error = new NodeOperationError(node, failure.thrown, { itemIndex, description });
		error.message = message;
		return error;
	}
	if (failure.kind === 'input') {
		const error = new NodeOperationError(node, message, { itemIndex, description });
		error.message = message;
		return error;
	}
	const error = new NodeApiError(node, failureResponse(failure, message), {
		message,
		description: joined(failure.description ?? failure.statusText, othersSentence),
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
