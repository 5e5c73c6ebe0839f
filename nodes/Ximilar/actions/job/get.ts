import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Outcome } from '../../execution/runRecords';

import { downloadResultImages } from '../../jobs/downloadImages';
import { getJob } from '../../jobs/jobApi';
import { pairJobOutcomes } from '../../jobs/jobOperation';
import { jobRecords } from '../../jobs/jobState';
import { textParameter } from '../../records/jsonObject';
import { forEachJobId } from './eachJobId';

/** Job > Get: the result of a job, one output per image, as Grade Card or Upscale would output it. */
export async function getJobResult(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await forEachJobId(this, async (jobId, connection, settings) => {
		const reply = await getJob(this, connection, jobId, settings.policy);
		if ('failure' in reply) return reply;
		const result = jobRecords(reply.body, jobId);
		if ('failure' in result) return result;
		const { type, endpoint, status } = reply.body;
		return { record: { jobId, status, type, endpoint, records: result.records } };
	});
	if ('output' in run) return run.output;
	const { settings, outcomes } = run;
	const images =
		this.getNodeParameter('downloadResultImage', 0, false) === true
			? await downloadResultImages(this, outcomes, {
					property: textParameter(this.getNodeParameter('resultBinaryProperty', 0, 'data')) || 'data',
					suffix: 'result',
					baseName: (itemIndex, position) => resultBaseName(outcomes[itemIndex], position, itemIndex),
					parallel: settings.parallel,
					timeoutMs: settings.policy.timeoutMs,
				})
			: undefined;
	return pairJobOutcomes(this, outcomes, this.getNodeParameter('simplify', 0, true) === false, false, images);
}

/** A result image is named after its record's `_id` (the Record ID sent with the job), else the job ID. */
function resultBaseName(outcome: Outcome | undefined, position: number, itemIndex: number): string {
	const record = outcome && 'record' in outcome ? outcome.record : {};
	const entry = ((record.records as IDataObject[] | undefined) ?? [])[position] ?? {};
	if (typeof entry._id === 'string' && entry._id) return entry._id;
	return `${String(record.jobId ?? `job-${itemIndex}`)}${position ? '-back' : ''}`;
}
