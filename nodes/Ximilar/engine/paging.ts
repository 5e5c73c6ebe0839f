import type { IExecuteFunctions } from 'n8n-workflow';

import { LIMIT } from '../description/requestOptions';
import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { checkNumber } from '../records/numberParameter';

/**
 * The most pages one listing reads (100,000 collection records at 100 a page). A server
 * that always answers with a `next` would otherwise keep a run going, and its memory
 * growing, for ever.
 */
export const MAX_PAGES = 1000;

/** How many results a listing returns: all of them, or the Limit (checked as the panel declares it). */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): { limit: number } | { failure: ItemFailure } {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return { limit: Infinity };
	const checked = checkNumber(LIMIT, ctx.getNodeParameter(LIMIT.name, itemIndex, LIMIT.default));
	if ('problem' in checked) return { failure: inputFailure(checked.problem, 'Set Limit to a whole number such as 50, or turn on Return All.') };
	return { limit: checked.value };
}

/**
 * One page as read: its results and the answer's `next`, or the list's end (a page past it),
 * or a failure. A reader that keeps only some of a page's entries says how many the page
 * held (`listed`: an empty page ends the list, a filtered-out one does not) and may say the
 * pages after this one cannot matter (`last`).
 */
export type PageRead<T> = { results: T[]; next: unknown; listed?: number; last?: boolean } | { end: true } | { failure: ItemFailure };

export interface Listing<T> {
	results: T[];
	/** Why the listing stopped before Ximilar said it was complete, for the user to see. */
	cut?: string;
}

const hasNext = (next: unknown) => next !== undefined && next !== null && next !== '' && next !== false;

/**
 * Reads pages 1, 2, ... until `limit` results, a page without `next` or without results,
 * a `next` seen before (the server goes round in a circle), or MAX_PAGES. `true` as
 * `next` says only "there is more" and is never taken for a repeat.
 */
export async function readPages<T>(
	limit: number,
	readPage: (page: number) => Promise<PageRead<T>>,
): Promise<Listing<T> | { failure: ItemFailure }> {
	const results: T[] = [];
	const nextsSeen = new Set<string>();
	for (let page = 1; ; page++) {
		const read = await readPage(page);
		if ('failure' in read) return read;
		if ('end' in read) break;
		results.push(...read.results);
		if (results.length >= limit || !hasNext(read.next) || (read.listed ?? read.results.length) === 0 || read.last) break;
		if (read.next !== true) {
			const next = typeof read.next === 'string' ? read.next : JSON.stringify(read.next);
			if (nextsSeen.has(next)) {
				return { results, cut: `Ximilar's answer to page ${page} named a next page it had named before (${next.slice(0, 120)}), so the listing stopped after ${results.length} results` };
			}
			nextsSeen.add(next);
		}
		if (page >= MAX_PAGES) {
			return { results, cut: `the listing stopped after ${MAX_PAGES} pages (${results.length} results), the most the node reads in one run, although Ximilar named a next page` };
		}
	}
	return { results: results.slice(0, limit) };
}
