import type { IDataObject } from 'n8n-workflow';

import { JOB_DONE_STATE, JOB_PENDING_STATES } from '../../catalog/asyncServices';
import type { ItemFailure } from '../../failures/itemFailure';
import { isObject } from '../../json/read';
import { recordFailureStatus, statusWords } from '../../json/status';

export type JobPhase = 'done' | 'pending' | 'failed';

/** DONE is the end; CREATED/PROCESSING (and queue words some clients see) mean wait; anything else failed. */
export function jobPhase(status: unknown): JobPhase {
	const word = typeof status === 'string' ? status.toUpperCase() : '';
	if (word === JOB_DONE_STATE) return 'done';
	if (JOB_PENDING_STATES.includes(word)) return 'pending';
	return 'failed';
}

/** What a finished job gave: its records (from `response.records`), or why there are none. */
export function jobRecords(job: IDataObject, jobId: string): { records: IDataObject[] } | { failure: ItemFailure } {
	const phase = jobPhase(job.status);
	if (phase === 'failed') {
		return {
			failure: {
				kind: 'api',
				message: `Ximilar job ${jobId} ended with status ${String(job.status)}`,
				description: 'Ximilar could not finish this job. Check the image and the chosen endpoint, then run the item again.',
				statusText: typeof job.status === 'string' ? job.status : undefined,
			},
		};
	}
	const response = job.response;
	const records = isObject(response) ? response.records : undefined;
	if (phase !== 'done' || !Array.isArray(records)) {
		return {
			failure: {
				kind: 'api',
				message: phase === 'done' ? `Ximilar job ${jobId} is done but holds no records` : `Ximilar job ${jobId} is not done yet (status ${String(job.status)})`,
				description: phase === 'done' ? 'Look at the job with Job > List, or with Job > Get and Simplify off.' : 'Fetch it again later with Job > Get.',
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
	return { records: objects };
}
