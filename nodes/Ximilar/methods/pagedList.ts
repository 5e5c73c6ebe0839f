import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../json/read';
import { connectionFrom, requestXimilar, type RequestPolicy } from '../transport/request';

/** Lists in the panel wait for no one: a few quick tries, no rate-limit waits worth a user's patience. */
const LIST_POLICY: RequestPolicy = { timeoutMs: 20_000, maxRetries: 2, retryMayBill: false, maxWaitMs: 10_000 };

/**
 * One page of one of Ximilar's lists for a resource locator (the account's tasks, flows, jobs): a
 * Django REST page `{count, next, previous, results: [...]}` (docs/ximilar-api.md §2), asked
 * for with `page` and, when the user types, `search`. It goes through the node's own
 * transport, so the token goes only to the API URL's host (no redirect is followed) and a
 * transient failure is retried (listing costs nothing); a failure is shown in the list. The
 * filter is applied here too, in case the list ignores `search`; the next page is offered
 * while Ximilar says there is a `next`. Names and flows are listed by name, jobs as listed.
 */
export async function searchPagedList(
	ctx: ILoadOptionsFunctions,
	path: string,
	toItem: (entry: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
	order: 'byName' | 'asListed' = 'byName',
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { page };
	// A list in its own order (the newest jobs first) is searched here only: its endpoint documents no search.
	if (filter && order === 'byName') qs.search = filter;
	const connection = connectionFrom(await ctx.getCredentials('ximilarApi'));
	const result = await requestXimilar(ctx, connection, { method: 'GET', path, qs, free: true }, LIST_POLICY);
	if (!('body' in result)) {
		const failure = 'failure' in result ? result.failure : { message: 'The list was not loaded', description: undefined };
		throw new NodeOperationError(ctx.getNode(), failure.message, { description: failure.description });
	}
	const answer = result.body;
	const entries = Array.isArray(answer.results) ? answer.results.filter(isObject) : [];
	const wanted = (filter ?? '').toLowerCase();
	const results = entries
		.map(toItem)
		.filter((item) => item.name.toLowerCase().includes(wanted) || String(item.value).toLowerCase().includes(wanted));
	if (order === 'byName') results.sort((a, b) => a.name.localeCompare(b.name));
	return { results, paginationToken: answer.next ? String(page + 1) : undefined };
}
