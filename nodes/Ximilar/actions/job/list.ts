import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputFailure } from '../../failures/itemFailure';
import { readSettings } from '../../execution/settings';
import { listJobsPage } from '../../jobs/jobApi';
import { pairFailureForAll, pairOutcomes } from '../../output/pairItems';
import { getConnection } from '../../transport/request';
import { forEachItem } from './eachItem';

/** Pages are read one after another until the limit, or until Ximilar says there is no `next`. */
const MAX_PAGES = 1000;

/** Job > List: the account's jobs (Django REST pages `{count, next, results}`), one output per job. */
export async function listJobs(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const read = readSettings(this);
	if ('failure' in read) return pairFailureForAll(this, read.failure);
	const { settings } = read;
	const connection = await getConnection(this);
	const outcomes = await forEachItem(this, 1, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
		const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
		if (!(limit >= 1)) return { failure: inputFailure(`Limit must be 1 or more (got ${limit})`) };
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const jobs: IDataObject[] = [];
		for (let page = 1; page <= MAX_PAGES && jobs.length < limit; page++) {
			const qs: IDataObject = { page, ...(filters.type ? { type: filters.type } : {}), ...(filters.status ? { status: filters.status } : {}) };
			const reply = await listJobsPage(this, connection, qs, settings.policy);
			if ('failure' in reply) {
				// Django REST answers 404 for a page past the end: the list is complete.
				if (reply.failure.statusCode === 404 && page > 1) break;
				return reply;
			}
			const results = Array.isArray(reply.body.results) ? (reply.body.results as IDataObject[]) : [];
			jobs.push(...results);
			if (!reply.body.next || results.length === 0) break;
		}
		return { record: { jobs: jobs.slice(0, limit) } };
	});
	return pairOutcomes(this, outcomes, {
		shape: (record) => (record.jobs as IDataObject[]).map(({ id, ...rest }) => ({ jobId: id, ...rest })),
	});
}
