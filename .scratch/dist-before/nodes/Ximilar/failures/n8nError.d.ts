import type { INode, JsonObject } from 'n8n-workflow';
import type { ItemFailure } from './itemFailure';
/**
 * The n8n error for a failure, naming the item when there is one. n8n replaces a message
 * that mentions a network code (ECONNREFUSED, ETIMEDOUT, ...) with its own generic text,
 * which would lose the item and what to do: the message is set again after construction,
 * and the codes themselves go in the description.
 */
export declare function failureToError(node: INode, failure: ItemFailure, itemIndex?: number): Error;
/** The json of an error item under "Continue (using regular output)": flat, one column per detail. */
export declare function failureToJson(failure: ItemFailure, itemIndex: number): JsonObject;
/**
 * The json of an item for the error output. n8n routes an item there only when its json
 * is `{ error }` alone (or `{ error, message }`), then adds the input item's fields; so the
 * details travel inside `error`, and the input fields stay beside it.
 */
export declare function failureToErrorOutputJson(failure: ItemFailure, itemIndex: number): JsonObject;
