import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleepWithAbort } from 'n8n-workflow';

import type { ItemFailure } from '../../failures/itemFailure';
import type { Connection, RequestPolicy } from '../../transport/request';
import { getJob, getJobStatus } from './jobApi';
import { jobPhase, notDoneHint } from './jobState';

/** Polling starts after a second and slows down by half each time, up to 15 s between polls. */
export const FIRST_POLL_MS = 1000;
export const MAX_POLL_MS = 15_000;

export function pollDelay(poll: number): number {
	return Math.min(FIRST_POLL_MS * 1.5 ** poll, MAX_POLL_MS);
}

/**
 * Polls a job's status until it is DONE or `waitMs` has passed, then
 * reads the whole job (with `response`). Status reads are cheap GETs: nothing is billed.
 */
export async function waitForJob(
	ctx: IExecuteFunctions,
	connection: Connection,
	jobId: string,
	options: { policy: RequestPolicy; waitMs: number; signal?: AbortSignal },
): Promise<{ job: IDataObject } | { failure: ItemFailure }> {
	const deadline = Date.now() + options.waitMs;
	let status: unknown = 'CREATED';
	for (let poll = 0; jobPhase(status) === 'pending'; poll++) {
		const left = deadline - Date.now();
		if (left <= 0) {
			return {
				failure: {
					kind: 'api',
					message: `Ximilar job ${jobId} was not done within ${Math.round(options.waitMs / 1000)} s (status ${String(status)})`,
					description: `${notDoneHint(jobId, status)} Or raise "Wait Timeout".`,
				},
			};
		}
		const stopped = await sleepWithAbort(Math.min(pollDelay(poll), left), options.signal).then(
			() => false,
			() => true,
		);
		if (stopped) {
			return {
				failure: {
					kind: 'input',
					message: `stopped while waiting for Ximilar job ${jobId}`,
					description: `The job keeps running at Ximilar and is billed once: get its result with Job > Get and the job ID ${jobId}.`,
				},
			};
		}
		const reply = await getJobStatus(ctx, connection, jobId, options.policy);
		if ('failure' in reply) return { failure: { ...reply.failure, message: `Job ${jobId}: ${reply.failure.message}` } };
		status = reply.body.status;
	}
	const reply = await getJob(ctx, connection, jobId, options.policy);
	if ('failure' in reply) return { failure: { ...reply.failure, message: `Job ${jobId}: ${reply.failure.message}` } };
	return { job: reply.body };
}
