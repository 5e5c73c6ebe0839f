import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findService } from '../catalog/services';
import { searchPagedList } from './pagedList';

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
	const toItem = (task: { id?: unknown; name?: unknown }) => ({ name: String(task.name ?? task.id), value: String(task.id) });
	return await searchPagedList(this, service.taskListPath, toItem, filter, paginationToken);
}
