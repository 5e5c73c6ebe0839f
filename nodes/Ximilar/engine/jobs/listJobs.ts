import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { JOB_DONE_STATE } from '../../catalog/asyncServices';
import type { ItemFailure } from '../../failures/itemFailure';
import { isObject, objects } from '../../json/read';
import { jobRows } from '../../output/jobRows';
import type { OutputChoice } from '../../output/simplified';
import type { Connection, RequestPolicy } from '../../transport/request';
import { readPages, type Listing, type PageRead } from '../paging';
import { runPool } from '../workerPool';
import { getJob, listJobsPage } from './jobApi';
import { jobRecords } from './jobState';

export interface JobFilter {
	/** Sent as `type` (docs/ximilar-api.md §4). */
	type?: string;
	/** Sent as `status`: a documented state (CREATED, PROCESSING, DONE) or another word the user typed. */
	status?: string;
	/**
	 * Every job that is not DONE, failed or unfinished. Failure states are not documented, so
	 * no `status` can ask for them: the node reads the list and keeps the jobs not DONE.
	 */
	notDone?: boolean;
	/** Only jobs created at or after this time (ms). The list has no documented time filter: applied here. */
	createdSince?: number;
}

const createdAt = (job: IDataObject): number => (typeof job.created === 'string' ? Date.parse(job.created) : NaN);

/** A job the filter keeps. A job without a readable `created` is kept: a sweep must not lose it. */
function kept(job: IDataObject, filter: JobFilter): boolean {
	if (filter.notDone && String(job.status ?? '').toUpperCase() === JOB_DONE_STATE) return false;
	const created = createdAt(job);
	return filter.createdSince === undefined || Number.isNaN(created) || created >= filter.createdSince;
}

/**
 * Whether the pages after this one can hold no job recent enough: only when this page runs
 * newest first and already reaches past Created Since. The order of the list is not
 * documented [G], so a page in any other order never stops the reading.
 */
function pastCreatedSince(page: IDataObject[], filter: JobFilter): boolean {
	if (filter.createdSince === undefined || page.length === 0) return false;
	const times = page.map(createdAt);
	if (times.some(Number.isNaN)) return false;
	const newestFirst = times.every((time, index) => index === 0 || time <= times[index - 1]);
	return newestFirst && times[times.length - 1] < filter.createdSince;
}

/**
 * The account's jobs (Django REST pages `{count, next, results}`, docs/ximilar-api.md §2, §4),
 * filtered, up to `limit`, page after page as engine/paging.ts bounds a listing.
 */
export async function listJobs(
	ctx: IExecuteFunctions,
	connection: Connection,
	policy: RequestPolicy,
	filter: JobFilter,
	limit: number,
): Promise<Listing<IDataObject> | { failure: ItemFailure }> {
	return await readPages(limit, async (page): Promise<PageRead<IDataObject>> => {
		const qs: IDataObject = { page, ...(filter.type ? { type: filter.type } : {}), ...(filter.status ? { status: filter.status } : {}) };
		const reply = await listJobsPage(ctx, connection, qs, policy);
		// Django REST answers 404 for a page past the end: the list is complete.
		if ('failure' in reply) return reply.failure.statusCode === 404 && page > 1 ? { end: true } : reply;
		const listed = objects(reply.body.results);
		return { results: listed.filter((job) => kept(job, filter)), next: reply.body.next, listed: listed.length, last: pastCreatedSince(listed, filter) };
	});
}

/**
 * A listed job as a row: `jobId` first, the rest as Ximilar listed it, except the webhook's
 * headers: they carry the callback's secret, should Ximilar ever list them.
 */
export function listingRow(job: IDataObject): IDataObject {
	const { id, ...rest } = job;
	if (isObject(rest.webhook)) {
		const webhook = { ...rest.webhook };
		delete webhook.headers;
		rest.webhook = webhook;
	}
	return { jobId: id ?? null, ...rest };
}

/**
 * Job > List with Include Results: every DONE job read (a free GET) and given as its rows,
 * summarised by its type and endpoint like Job > Get; any other job as its listing row. A
 * job that cannot be read is a row with `error`, so one job never hides the others.
 */
export async function jobsWithResults(
	ctx: IExecuteFunctions,
	connection: Connection,
	options: { policy: RequestPolicy; parallel: number; output: OutputChoice; signal?: AbortSignal },
	jobs: IDataObject[],
): Promise<IDataObject[]> {
	const rows = await runPool(
		jobs.length,
		async (index): Promise<IDataObject[]> => {
			const listed = jobs[index];
			const row = listingRow(listed);
			if (String(listed.status ?? '').toUpperCase() !== JOB_DONE_STATE) return [row];
			const jobId = String(listed.id ?? '');
			const reply = await getJob(ctx, connection, jobId, options.policy);
			const job = 'failure' in reply ? undefined : reply.body;
			const result = job ? jobRecords(job, jobId) : undefined;
			if (!job || !result || 'failure' in result) {
				const failure = 'failure' in reply ? reply.failure : result && 'failure' in result ? result.failure : undefined;
				return [{ ...row, error: failure?.message ?? `Job ${jobId} could not be read` }];
			}
			const common = { jobId, jobStatus: job.status ?? listed.status ?? null, type: job.type ?? listed.type ?? null, created: listed.created ?? null };
			const kind = { type: job.type ?? listed.type, endpoint: job.endpoint ?? listed.endpoint, flags: result.flags };
			return jobRows(common, result.records, options.output, kind);
		},
		{ parallel: options.parallel, signal: options.signal },
	);
	return rows.flatMap((entry, index) => entry ?? [{ ...listingRow(jobs[index]), error: 'not read, because the execution was stopped' }]);
}

