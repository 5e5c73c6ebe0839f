import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { isObject } from '../json/read';
import { apiBaseUrl } from '../transport/apiUrl';

/**
 * One page of one of Ximilar's lists for a resource locator: a Django REST page
 * `{count, next, previous, results: [...]}` (docs/ximilar-api.md §2), asked for with `page`
 * and, when the user types, `search`. The filter is applied here too, in case the list ignores
 * `search`; the next page is offered while Ximilar says there is a `next`.
 */
export async function searchPagedList(
	ctx: ILoadOptionsFunctions,
	path: string,
	toItem: (entry: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await ctx.getCredentials('ximilarApi');
	const baseUrl = apiBaseUrl(credentials.apiUrl);
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { page };
	if (filter) qs.search = filter;
	const answer: unknown = await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'ximilarApi', {
		method: 'GET',
		url: `${baseUrl}${path}`,
		qs,
		json: true,
	});
	const entries = isObject(answer) && Array.isArray(answer.results) ? answer.results.filter(isObject) : [];
	const wanted = (filter ?? '').toLowerCase();
	const results = entries
		.map(toItem)
		.filter((item) => item.name.toLowerCase().includes(wanted) || String(item.value).toLowerCase().includes(wanted))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results, paginationToken: isObject(answer) && answer.next ? String(page + 1) : undefined };
}
