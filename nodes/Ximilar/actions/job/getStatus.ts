import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getJobStatus } from '../../jobs/jobApi';
import { pairOutcomes } from '../../output/pairItems';
import { forEachJobId } from './eachJobId';

/** Job > Get Status: `{jobId, status}` per item; reading a status costs no credits. */
export async function getJobStatusOperation(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await forEachJobId(this, async (jobId, connection, settings) => {
		const reply = await getJobStatus(this, connection, jobId, settings.policy);
		if ('failure' in reply) return reply;
		return { record: { jobId, status: reply.body.status ?? null } };
	});
	if ('output' in run) return run.output;
	return pairOutcomes(this, run.outcomes, { shape: (record) => [record] });
}
