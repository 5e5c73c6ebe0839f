import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../json/read';
import { recordFailureStatus, statusWords } from '../json/status';
import { simplifiedJobRow, type OutputChoice } from './simplified';
import { rawRecord } from './simplify';
import { jobRecordSummary, simplifyJobRecord, type JobKind } from './simplifyJobs';

export type { JobKind } from './simplifyJobs';

/** The top-level fields a job's answer echoes besides its records (e.g. `pricing: true`, S2), which shape card rows. */
export function answerFlags(response: unknown): IDataObject {
	if (!isObject(response)) return {};
	const flags: IDataObject = { ...response };
	for (const key of ['records', 'status', 'statistics']) delete flags[key];
	return flags;
}

/**
 * The one job-row builder, used by the node (Wait for Result, Job > Get, Job > List) and by
 * the Ximilar Trigger: one row per image of a job (per card with Analyze All Cards), each
 * starting with `common` (the job ID and status), summarised by the job's type and endpoint,
 * as the user chose: Simplified, All Columns or Raw. An image Ximilar could not process is a
 * row with `error` (the front of a card may fail while its back succeeds).
 */
export function jobRows(common: IDataObject, records: IDataObject[], choice: OutputChoice, kind: JobKind = {}): IDataObject[] {
	return records.flatMap((record) => {
		const failed = recordFailureStatus(record);
		if (failed) return [{ ...common, _id: record._id ?? null, error: `Ximilar could not process this image: ${statusWords(failed)}` }];
		if (choice === 'raw') return [{ ...common, ...rawRecord(record) }];
		const summary = jobRecordSummary(record, kind);
		const rows = simplifyJobRecord(record, kind).map((row) => ({ ...common, ...row }));
		return choice === 'simplified' ? rows.map((row) => simplifiedJobRow(summary, row)) : rows;
	});
}
