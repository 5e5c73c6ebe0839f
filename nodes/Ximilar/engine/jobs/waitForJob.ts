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

/** A status read is sent only with at least this much of the wait left. */
const MIN_READ_MS = 500;

/** A failed read that polling again may get past: a network failure, a 429 or a 5xx (a refused one, 4xx, will not). */
function transient(failure: ItemFailure): boolean {
	const code = failure.statusCode;
	return failure.kind === 'api' && (code === undefined || code === 429 || code >= 500);
}

/**
 * Polls a job's status until it is DONE or `waitMs` has passed, then
 * reads the whole job (with `response`). Status reads cost nothing: a transient failure of
 * one is retried, and polling goes on until the wait is over. The wait covers the polls
 * themselves: no request outlives it.
 */
export async function waitForJob(
	ctx: IExecuteFunctions,
	connection: Connection,
	jobId: string,
	options: { policy: RequestPolicy; waitMs: number; signal?: AbortSignal },
): Promise<{ job: IDataObject } | { failure: ItemFailure }> {
	const deadline = Date.now() + options.waitMs;
	const keepsRunning = `The job keeps running at Ximilar and is billed once. Get its result later with Job > Get and the job ID ${jobId}`;
	// Each read may take only what is left of the wait.
	const policyFor = (left: number): RequestPolicy => ({
		...options.policy,
		timeoutMs: Math.max(1, Math.min(options.policy.timeoutMs, left)),
		maxWaitMs: Math.max(0, Math.min(options.policy.maxWaitMs, left)),
	});
	const failed = (failure: ItemFailure): { failure: ItemFailure } => ({
		failure: { ...failure, message: `Job ${jobId}: ${failure.message}`, description: `${failure.description ? `${failure.description} ` : ''}${keepsRunning}.` },
	});
	let status: unknown = 'CREATED';
	let lastProblem: ItemFailure | undefined;
	for (let poll = 0; jobPhase(status) === 'pending'; poll++) {
		const left = deadline - Date.now();
		// Too little time left for a read to be worth sending: it would only be cut short.
		if (left < MIN_READ_MS) {
			const seen = lastProblem ? ` The last status read failed: ${lastProblem.message}.` : '';
			return {
				failure: {
					kind: 'api',
					message: `Ximilar job ${jobId} was not done within ${Math.round(options.waitMs / 1000)} s (status ${String(status)})`,
					description: `${notDoneHint(jobId, status)} Or raise "Wait Timeout".${seen}`,
				},
			};
		}
		const stopped = await sleepWithAbort(Math.min(pollDelay(poll), left - MIN_READ_MS), options.signal).then(
			() => false,
			() => true,
		);
		if (stopped) {
			return {
				failure: {
					kind: 'input',
					message: `stopped while waiting for Ximilar job ${jobId}`,
					description: `${keepsRunning}.`,
				},
			};
		}
		const reply = await getJobStatus(ctx, connection, jobId, policyFor(deadline - Date.now()));
		if ('failure' in reply) {
			// Refused past the end of the wait (a spent quota): polling on cannot help.
			const refusedPastWait = (reply.failure.retryAt ?? 0) > deadline;
			if (!transient(reply.failure) || refusedPastWait) return failed(reply.failure);
			lastProblem = reply.failure;
			continue;
		}
		lastProblem = undefined;
		status = reply.body.status;
	}
	const reply = await getJob(ctx, connection, jobId, options.policy);
	return 'failure' in reply ? failed(reply.failure) : { job: reply.body };
}
