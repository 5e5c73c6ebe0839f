import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { JOB_ID, JOB_OPTIONS } from '../../description/jobFields';
import { showFor, type OperationOption } from '../../description/operations';
import { forEachJobId, getJobStatus } from '../../engine/jobs/jobApi';
import { startRun } from '../../engine/run';
import { pairOutcomes } from '../../output/pairItems';

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
	const outcomes = await forEachJobId(this, run, async (jobId) => {
		const reply = await getJobStatus(this, connection, jobId, settings.policy);
		if ('failure' in reply) return reply;
		return { record: { jobId, status: reply.body.status ?? null } };
	});
	return pairOutcomes(this, outcomes, { shape: (record) => [record] });
}
