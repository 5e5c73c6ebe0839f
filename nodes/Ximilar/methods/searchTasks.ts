import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { findService } from '../catalog/services';
import { isObject } from '../json/read';
import { listPage } from './listPage';

/**
 * The Task field's list: the account's tasks for the chosen service, from Ximilar's task
 * list (`GET /recognition/v2/task/` or `/detection/v2/task/`, a paged list of
 * `{ id, name, ... }` as Ximilar's own client reads it), filtered by name, one page at a time.
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const service = findService(String(this.getCurrentNodeParameter('service') ?? ''));
	if (!service?.taskListPath) return { results: [] };
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { page };
	if (filter) qs.search = filter;
	const answer = await listPage(this, service.taskListPath, qs);
	const tasks = isObject(answer) && Array.isArray(answer.results) ? answer.results.filter(isObject) : [];
	const wanted = (filter ?? '').toLowerCase();
	const results: INodeListSearchItems[] = tasks
		.map((task) => ({ name: String(task.name ?? task.id), value: String(task.id) }))
		// The filter is applied here too, in case the list ignores `search`.
		.filter((task) => task.name.toLowerCase().includes(wanted) || task.value.toLowerCase().includes(wanted))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results, paginationToken: isObject(answer) && answer.next ? String(page + 1) : undefined };
}
