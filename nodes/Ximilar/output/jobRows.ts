import type { IDataObject } from 'n8n-workflow';

import { recordFailureStatus, statusWords } from '../json/status';
import { rawRecord } from './simplify';
import { simplifyJobRecord } from './simplifyJobs';

/**
 * The one job-row builder, used by the node (Wait for Result, Job > Get) and by the Ximilar
 * Trigger: one row per image of a job, each starting with `common` (the job ID and status),
 * an image Ximilar could not process as a row with `error` (the front of a card may fail
 * while its back succeeds).
 */
export function jobRows(common: IDataObject, records: IDataObject[], simplify: boolean): IDataObject[] {
	return records.map((record) => {
		const failed = recordFailureStatus(record);
		if (failed) return { ...common, _id: record._id ?? null, error: `Ximilar could not process this image: ${statusWords(failed)}` };
		return { ...common, ...(simplify ? simplifyJobRecord(record) : rawRecord(record)) };
	});
}
