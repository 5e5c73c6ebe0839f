import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readSettings } from '../../execution/settings';
import { getJobStatus } from '../../jobs/jobApi';
import { pairFailureForAll, pairOutcomes } from '../../output/pairItems';
import { getConnection } from '../../transport/request';
import { forEachItem } from './eachItem';
import { readJobId } from './jobId';

/** Job > Get Status: `{jobId, status}` per item; reading a status costs no credits. */
export async function getJobStatusOperation(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const read = readSettings(this);
	if ('failure' in read) return pairFailureForAll(this, read.failure);
	const { settings } = read;
	const connection = await getConnection(this);
	const outcomes = await forEachItem(this, settings.parallel, async (itemIndex) => {
		const id = readJobId(this, itemIndex);
		if ('failure' in id) return id;
		const reply = await getJobStatus(this, connection, id.jobId, settings.policy);
		if ('failure' in reply) return reply;
		return { record: { jobId: id.jobId, status: reply.body.status ?? null } };
	});
	return pairOutcomes(this, outcomes, { shape: (record) => [record] });
}
