import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { JOBS_PATH } from '../engine/jobs/jobApi';
import { searchPagedList } from './pagedList';

/** "2026-05-04T10:20:30.123Z" as "2026-05-04 10:20": enough to tell recent jobs apart. */
function shortTime(created: unknown): string | undefined {
	if (typeof created !== 'string') return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(created);
	return match ? `${match[1]} ${match[2]}` : created;
}

/** A job as the list shows it: what it is and how it stands, e.g. "card-grader (grade) · DONE · 2026-05-04 10:20". */
function jobItem(job: IDataObject): INodeListSearchItems {
	const kind = [job.type, job.endpoint].filter((part) => typeof part === 'string' && part !== '') as string[];
	const what = kind.length === 2 ? `${kind[0]} (${kind[1]})` : (kind[0] ?? 'job');
	const parts = [what, typeof job.status === 'string' ? job.status : undefined, shortTime(job.created)].filter((part) => part);
	return { name: parts.join(' · '), value: String(job.id), description: `Job ID ${String(job.id)}` };
}

/**
 * The Job field's list: the account's recent jobs (`GET /account/v2/request/`, Django REST
 * pages: docs/ximilar-api.md §4), in Ximilar's order, with their type and status. Reading it
 * costs nothing.
 */
export async function searchJobs(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchPagedList(this, JOBS_PATH, jobItem, filter, paginationToken, 'asListed');
}
