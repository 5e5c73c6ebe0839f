import type { IDataObject } from 'n8n-workflow';

/**
 * Why one item produced no result. Plain data, so that one failed request can be
 * recorded for each item of its batch, and turned into an n8n error only at the output.
 * It sits below every layer that produces failures.
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
	/** When Ximilar will accept requests again (ms since epoch), when it refused them for longer than the run may wait. */
	retryAt?: number;
	/**
	 * An error thrown while reading the item (an expression error, for one): shown as it
	 * is, keeping its own type and description, instead of being reworded.
	 */
	thrown?: Error;
}

/**
 * What became of one input item: the record Ximilar returned for it, or why there is none.
 * `sharedWith`: the item repeated the request of this earlier item, was not sent, and shares its record.
 */
export type Outcome = { record: IDataObject; sharedWith?: number } | { failure: ItemFailure };

export function inputFailure(message: string, description?: string): ItemFailure {
	return { kind: 'input', message, description };
}

/** An error something threw while reading an item or sending its batch, kept whole. */
export function thrownFailure(error: unknown, kind: ItemFailure['kind'] = 'input'): ItemFailure {
	const thrown = error instanceof Error ? error : new Error(String(error));
	const description = (thrown as { description?: unknown }).description;
	return {
		kind,
		message: thrown.message,
		description: typeof description === 'string' ? description : undefined,
		thrown,
	};
}
