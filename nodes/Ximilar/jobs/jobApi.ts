import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleepWithAbort } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';
import { requestXimilar, type Connection, type RequestPolicy, type RequestResult } from '../transport/request';
import { backoffDelay } from '../transport/retryPolicy';

/** Ximilar's asynchronous request API (shapes section 2). */
export const JOBS_PATH = '/account/v2/request/';

export type JobReply = { body: IDataObject } | { failure: ItemFailure };

const jobPath = (jobId: string) => `${JOBS_PATH}${encodeURIComponent(jobId)}`;

/** A request cut short because the execution was stopped fails its item as stopped, never as a network failure. */
function stoppedAsFailure(result: RequestResult): JobReply {
	if (!('cancelled' in result)) return result;
	return { failure: { kind: 'input', message: 'not sent, because the execution was stopped' } };
}

/**
 * Submits one job. A submit creates work Ximilar bills, so it is never sent again once
 * it may have arrived: one attempt per send, and only a 429 (refused before any work) is
 * tried again, up to the policy's retries. A timeout or a 5xx may mean the job exists:
 * the item fails, saying so, rather than paying twice.
 */
export async function submitJob(
	ctx: IExecuteFunctions,
	connection: Connection,
	body: IDataObject,
	policy: RequestPolicy,
	signal?: AbortSignal,
): Promise<JobReply> {
	for (let tryNumber = 1; ; tryNumber++) {
		const reply = stoppedAsFailure(
			await requestXimilar(ctx, connection, { method: 'POST', path: JOBS_PATH, body }, { ...policy, maxRetries: 0 }),
		);
		if (!('failure' in reply)) return reply;
		if (reply.failure.statusCode !== 429 || tryNumber > policy.maxRetries) {
			if (reply.failure.statusCode === 429 || (reply.failure.statusCode ?? 500) < 500) return reply;
			const failure: ItemFailure = {
				...reply.failure,
				description: `${reply.failure.description ?? ''} The job may have been created anyway, so it was not sent again (that could bill it twice): look for it with Job > List before running this item again.`.trim(),
			};
			return { failure };
		}
		await sleepWithAbort(backoffDelay(tryNumber, Math.random()), signal);
	}
}

/** GET calls read and never bill, so the transport's retries apply. */
export async function getJobStatus(ctx: IExecuteFunctions, connection: Connection, jobId: string, policy: RequestPolicy): Promise<JobReply> {
	return stoppedAsFailure(await requestXimilar(ctx, connection, { method: 'GET', path: `${jobPath(jobId)}/status` }, policy));
}

export async function getJob(ctx: IExecuteFunctions, connection: Connection, jobId: string, policy: RequestPolicy): Promise<JobReply> {
	return stoppedAsFailure(await requestXimilar(ctx, connection, { method: 'GET', path: jobPath(jobId) }, policy));
}

export async function listJobsPage(ctx: IExecuteFunctions, connection: Connection, qs: IDataObject, policy: RequestPolicy): Promise<JobReply> {
	return stoppedAsFailure(await requestXimilar(ctx, connection, { method: 'GET', path: JOBS_PATH, qs }, policy));
}
