import type { IDataObject } from 'n8n-workflow';

import { JOB_DONE_STATE, JOB_PENDING_STATES } from '../../catalog/asyncServices';
import type { ItemFailure } from '../../failures/itemFailure';
import { isObject } from '../../json/read';
import { recordFailureStatus, statusWords } from '../../json/status';
import { answerFlags } from '../../output/jobRows';

export type JobPhase = 'done' | 'pending';

/**
 * DONE is the only documented end of a job (docs/ximilar-api.md §4). Failure states are not
 * documented, so no other word ends it: an unknown state is polled on until the wait ends.
 */
export function jobPhase(status: unknown): JobPhase {
	const word = typeof status === 'string' ? status.toUpperCase() : '';
	return word === JOB_DONE_STATE ? 'done' : 'pending';
}

/** What to tell about a job that is not DONE: documented states are on the way; another word may mean it failed. */
export function notDoneHint(jobId: string, status: unknown): string {
	const word = typeof status === 'string' ? status.toUpperCase() : '';
	if (JOB_PENDING_STATES.includes(word) || status === undefined || status === null) {
		return `The job keeps running at Ximilar and is billed once. Get its result later with Job > Get and the job ID ${jobId}.`;
	}
	return `Ximilar documents DONE as the only end of a job and names no failure state: status ${String(status)} may mean the job failed. Check it with Job > Get (job ID ${jobId}) or in the Ximilar App before running the item again.`;
}

/**
 * What a finished job gave: its records (from `response.records`) and the flags its answer
 * echoes, or why there are none.
 */
export function jobRecords(job: IDataObject, jobId: string): { records: IDataObject[]; flags: IDataObject } | { failure: ItemFailure } {
	const phase = jobPhase(job.status);
	const response = job.response;
	const records = isObject(response) ? response.records : undefined;
	if (phase !== 'done' || !Array.isArray(records)) {
		return {
			failure: {
				kind: 'api',
				message: phase === 'done' ? `Ximilar job ${jobId} is done but holds no results` : `Ximilar job ${jobId} is not done (status ${String(job.status)})`,
				description: phase === 'done' ? 'Look at the job with Job > List, or with Job > Get and Simplify off.' : notDoneHint(jobId, job.status),
				statusText: typeof job.status === 'string' ? job.status : undefined,
			},
		};
	}
	const objects = records.filter(isObject);
	const failed = objects.map(recordFailureStatus);
	if (objects.length > 0 && failed.every((status) => status !== undefined)) {
		const first = failed[0] as { code?: number; text?: string };
		const text = statusWords(first);
		return {
			failure: {
				kind: 'api',
				message: `Ximilar could not process the image of job ${jobId}: ${text}`,
				description: 'Check that the image shows the whole card (or picture) and is a JPEG, PNG or WEBP.',
				statusCode: first.code,
				statusText: text,
			},
		};
	}
	return { records: objects, flags: answerFlags(response) };
}
