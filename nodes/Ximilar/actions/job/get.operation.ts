import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { downloadProperties } from '../../description/asyncJob';
import { JOB_GET_OPTIONS, JOB_ID } from '../../description/jobFields';
import { showFor, type OperationOption } from '../../description/operations';
import { JOB_OUTPUT, outputProperties } from '../../description/output';
import { downloadResultImages, readDownload } from '../../engine/downloads';
import { forEachJobId, getJob } from '../../engine/jobs/jobApi';
import { pairJobOutcomes } from '../../engine/jobs/imageJobs';
import { jobRecords } from '../../engine/jobs/jobState';
import { startRun } from '../../engine/run';
import type { Outcome } from '../../failures/itemFailure';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get the result of a job',
	description: 'The result of an async job (card grading, upscaling, card identification, flows): one item per image',
};

const properties: INodeProperties[] = [JOB_ID, ...downloadProperties(), ...outputProperties(JOB_OUTPUT), JOB_GET_OPTIONS];

export const description = updateDisplayOptions(showFor('job', 'get'), properties);

/** A result image is named after its image's `_id` (the Image ID sent with the job), else the job ID. */
function resultBaseName(outcome: Outcome | undefined, position: number, itemIndex: number): string {
	const record = outcome && 'record' in outcome ? outcome.record : {};
	const entry = ((record.records as IDataObject[] | undefined) ?? [])[position] ?? {};
	if (typeof entry._id === 'string' && entry._id) return entry._id;
	return `${String(record.jobId ?? `job-${itemIndex}`)}${position ? '-back' : ''}`;
}

/** Job > Get: the result of a job, one output per image, summarised by the job's type and endpoint (docs/ximilar-api.md §4). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await startRun(this);
	if ('output' in run) return run.output;
	const { settings, connection } = run;
	const outcomes = await forEachJobId(this, run, async (jobId) => {
		const reply = await getJob(this, connection, jobId, settings.policy);
		if ('failure' in reply) return reply;
		const result = jobRecords(reply.body, jobId);
		if ('failure' in result) return result;
		// Its type and endpoint choose how its records are summarised (a collectibles job gives card rows).
		const { type, endpoint, status } = reply.body;
		return { record: { jobId, status, type, endpoint, records: result.records, flags: result.flags } };
	});
	const download = readDownload(this);
	const images = download
		? await downloadResultImages(this, outcomes, {
				recordsOf: (job) => (job.records as IDataObject[] | undefined) ?? [],
				property: download.property,
				suffix: 'result',
				baseName: (itemIndex, position) => resultBaseName(outcomes[itemIndex], position, itemIndex),
				parallel: settings.parallel,
				timeoutMs: settings.policy.timeoutMs,
				maxBytes: settings.maxDownloadBytes,
				signal: connection.signal,
			})
		: undefined;
	return pairJobOutcomes(this, outcomes, { includeBinary: false, images });
}
