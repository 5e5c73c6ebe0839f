import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { JOB_TYPES } from '../../catalog/asyncServices';
import { JOB_OPTIONS } from '../../description/jobFields';
import { showFor, type OperationOption } from '../../description/operations';
import { RETURN_ALL_AND_LIMIT } from '../../description/requestOptions';
import { listJobsPage } from '../../engine/jobs/jobApi';
import { startRun } from '../../engine/run';
import { readLimit, readPages, type PageRead } from '../../engine/paging';
import { forEachItem } from '../../engine/workerPool';
import { pairOutcomes } from '../../output/pairItems';

export const option: OperationOption = {
	name: 'List',
	value: 'list',
	action: 'List jobs',
	description: 'Your async jobs, newest first',
};

const properties: INodeProperties[] = [
	...RETURN_ALL_AND_LIMIT,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ['CREATED', 'PROCESSING', 'DONE'].map((value) => ({ name: value, value })),
				default: 'DONE',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: JOB_TYPES.map((value) => ({ name: value, value })),
				default: 'card-grader',
			},
		],
	},
	JOB_OPTIONS,
];

export const description = updateDisplayOptions(showFor('job', 'list'), properties);

/** Job > List: the account's jobs (Django REST pages `{count, next, results}`), one output per job. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await startRun(this);
	if ('output' in run) return run.output;
	const { settings, connection } = run;
	// One item at a time: the pages of one listing follow each other.
	const outcomes = await forEachItem(this, { parallel: 1, signal: connection.signal }, async (itemIndex) => {
		const limit = readLimit(this, itemIndex);
		if ('failure' in limit) return limit;
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const listing = await readPages(limit.limit, async (page): Promise<PageRead<IDataObject>> => {
			const qs: IDataObject = { page, ...(filters.type ? { type: filters.type } : {}), ...(filters.status ? { status: filters.status } : {}) };
			const reply = await listJobsPage(this, connection, qs, settings.policy);
			if ('failure' in reply) {
				// Django REST answers 404 for a page past the end: the list is complete.
				return reply.failure.statusCode === 404 && page > 1 ? { end: true } : reply;
			}
			const results = Array.isArray(reply.body.results) ? (reply.body.results as IDataObject[]) : [];
			return { results, next: reply.body.next };
		});
		if ('failure' in listing) return listing;
		if (listing.cut) {
			this.addExecutionHints({ message: `Item ${itemIndex}: Job > List may be incomplete: ${listing.cut}.`, type: 'warning', location: 'outputPane' });
		}
		return { record: { jobs: listing.results } };
	});
	return pairOutcomes(this, outcomes, {
		shape: (record) => (record.jobs as IDataObject[]).map(({ id, ...rest }) => ({ jobId: id, ...rest })),
	});
}
