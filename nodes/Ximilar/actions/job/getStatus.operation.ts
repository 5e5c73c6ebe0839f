import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { JOB_ID, JOB_OPTIONS } from '../../description/jobFields';
import { showFor, type OperationOption } from '../../description/operations';
import { getJobStatus } from '../../engine/jobs/jobApi';
import { startRun } from '../../engine/run';
import { forEachItem } from '../../engine/workerPool';
import { pairOutcomes } from '../../output/pairItems';
import { readJobId } from '../../records/jobId';

export const option: OperationOption = {
	name: 'Get Status',
	value: 'getStatus',
	action: 'Get the status of a job',
	description: 'Whether a job is done',
};

export const description = updateDisplayOptions(showFor('job', 'getStatus'), [JOB_ID, JOB_OPTIONS] as INodeProperties[]);

/** Job > Get Status: `{jobId, status}` per item; reading a status costs no credits. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await startRun(this);
	if ('output' in run) return run.output;
	const { settings, connection } = run;
	const outcomes = await forEachItem(this, { parallel: settings.parallel, signal: connection.signal }, async (itemIndex) => {
		const id = readJobId(this, itemIndex);
		if ('failure' in id) return id;
		const reply = await getJobStatus(this, connection, id.jobId, settings.policy);
		if ('failure' in reply) return reply;
		return { record: { jobId: id.jobId, status: reply.body.status ?? null } };
	});
	return pairOutcomes(this, outcomes, { shape: (record) => [record] });
}
