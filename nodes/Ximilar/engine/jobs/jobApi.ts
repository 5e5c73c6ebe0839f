import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemFailure, Outcome } from '../../failures/itemFailure';
import { readJobId } from '../../records/jobId';
import { requestXimilar, type Connection, type RequestPolicy, type RequestResult } from '../../transport/request';
import type { Run } from '../run';
import { forEachItem } from '../workerPool';

/** Ximilar's asynchronous request API (docs/ximilar-api.md §4). */
export const JOBS_PATH = '/account/v2/request/';

export type JobReply = { body: IDataObject } | { failure: ItemFailure };

const jobPath = (jobId: string) => `${JOBS_PATH}${encodeURIComponent(jobId)}`;

/** A request cut short because the execution was stopped fails its item as stopped, never as a network failure. */
function stoppedAsFailure(result: RequestResult): JobReply {
	if (!('cancelled' in result)) return result;
	return { failure: { kind: 'input', message: 'not sent, because the execution was stopped' } };
}

/**
 * Submits one job. The transport retries only what Ximilar cannot have received (429, 503,
 * connections refused or lost before sending) unless the user chose Retry What May Bill.
 * A timeout or a 5xx may mean the job exists and is billed: the item fails, saying where
 * to look, rather than paying twice.
 */
export async function submitJob(ctx: IExecuteFunctions, connection: Connection, body: IDataObject, policy: RequestPolicy): Promise<JobReply> {
	const result = await requestXimilar(ctx, connection, { method: 'POST', path: JOBS_PATH, body }, policy);
	if ('cancelled' in result) {
		// The submit may have reached Ximilar before the stop: say so rather than "not sent".
		const description = 'If the request had already reached Ximilar, the job exists and is billed: look for it with Job > List.';
		return { failure: { kind: 'input', message: 'stopped while submitting the job', description } };
	}
	const reply = stoppedAsFailure(result);
	if (!('failure' in reply) || reply.failure.kind === 'input') return reply;
	const status = reply.failure.statusCode;
	if (status !== undefined && status < 500) return reply; // refused: no job was created
	const hint = 'The job may have been created (and billed) anyway: look for it with Job > List before running this item again.';
	return { failure: { ...reply.failure, description: `${reply.failure.description ?? ''} ${hint}`.trim() } };
}

/** Reading a job's status, the job, or the list costs nothing: every transient failure is retried (`free`). */
export async function getJobStatus(ctx: IExecuteFunctions, connection: Connection, jobId: string, policy: RequestPolicy): Promise<JobReply> {
	return stoppedAsFailure(await requestXimilar(ctx, connection, { method: 'GET', path: `${jobPath(jobId)}/status`, free: true }, policy));
}

export async function getJob(ctx: IExecuteFunctions, connection: Connection, jobId: string, policy: RequestPolicy): Promise<JobReply> {
	return stoppedAsFailure(await requestXimilar(ctx, connection, { method: 'GET', path: jobPath(jobId), free: true }, policy));
}

export async function listJobsPage(ctx: IExecuteFunctions, connection: Connection, qs: IDataObject, policy: RequestPolicy): Promise<JobReply> {
	return stoppedAsFailure(await requestXimilar(ctx, connection, { method: 'GET', path: JOBS_PATH, qs, free: true }, policy));
}

/**
 * Job > Get and Get Status: `work` for every item whose Job ID is well formed (a bad one
 * fails that item before any request), at most Parallel Requests at once.
 */
export async function forEachJobId(
	ctx: IExecuteFunctions,
	run: Run,
	work: (jobId: string) => Promise<Outcome>,
): Promise<Array<Outcome | undefined>> {
	return await forEachItem(ctx, { parallel: run.settings.parallel, signal: run.connection.signal }, async (itemIndex) => {
		const id = readJobId(ctx, itemIndex);
		return 'failure' in id ? id : await work(id.jobId);
	});
}
