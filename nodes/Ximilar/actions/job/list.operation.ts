import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { JOB_TYPES } from '../../catalog/asyncServices';
import { JOB_OPTIONS } from '../../description/jobFields';
import { showFor, type OperationOption } from '../../description/operations';
import { RETURN_ALL_AND_LIMIT } from '../../description/requestOptions';
import { JOB_OUTPUT, outputChosen, outputProperties } from '../../description/output';
import { jobsWithResults, listingRow, listJobs, type JobFilter } from '../../engine/jobs/listJobs';
import { startRun } from '../../engine/run';
import { readLimit } from '../../engine/paging';
import { forEachItem } from '../../engine/workerPool';
import { inputFailure, type ItemFailure } from '../../failures/itemFailure';
import { pairOutcomes } from '../../output/pairItems';

export const option: OperationOption = {
	name: 'List',
	value: 'list',
	action: 'List jobs',
	description: 'Your async jobs, newest first; filter by status, type and time, e.g. to sweep failed jobs',
};

/** The Status filter's choice for every job that is not DONE: failed or unfinished (no failure state is documented). */
const NOT_DONE = 'notDone';

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
				displayName: 'Created Since',
				name: 'createdSince',
				type: 'dateTime',
				default: '',
				description:
					'Only jobs created at or after this time, e.g. {{ $now.minus({ hours: 24 }) }}. Ximilar\'s list has no time filter: the node reads the list and stops at the first older job.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Created', value: 'CREATED' },
					{ name: 'Done', value: 'DONE' },
					{
						name: 'Not Done (Failed or Unfinished)',
						value: NOT_DONE,
						description:
							'Every job whose status is not DONE. Ximilar names no failure state and calls a webhook only on DONE, so this is how failed jobs are found.',
					},
					{ name: 'Processing', value: 'PROCESSING' },
				],
				default: NOT_DONE,
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
	{
		displayName: 'Include Results',
		name: 'includeResults',
		type: 'boolean',
		default: false,
		description:
			'Whether to read the result of each DONE job (free) and output one item per image, summarised by the job\'s type like Job > Get; other jobs stay one item each',
	},
	...outputProperties(JOB_OUTPUT, { includeResults: [true] }),
	JOB_OPTIONS,
];

export const description = updateDisplayOptions(showFor('job', 'list'), properties);

/** A Created Since value as ms: n8n hands a date parameter over as text, or as a date object from an expression. */
function readTime(value: unknown): number | undefined | { failure: ItemFailure } {
	if (value === undefined || value === null || value === '') return undefined;
	const iso = typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function' ? (value as { toISO: () => string }).toISO() : value;
	const time = iso instanceof Date ? iso.getTime() : Date.parse(String(iso));
	if (Number.isNaN(time)) {
		return { failure: inputFailure(`Created Since "${String(value).slice(0, 60)}" is not a date and time`, 'Pick a date, or use e.g. {{ $now.minus({ hours: 24 }) }}.') };
	}
	return time;
}

function readFilter(ctx: IExecuteFunctions, itemIndex: number): JobFilter | { failure: ItemFailure } {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const since = readTime(filters.createdSince);
	if (typeof since === 'object') return since;
	const status = typeof filters.status === 'string' ? filters.status.trim() : '';
	return {
		type: typeof filters.type === 'string' && filters.type ? filters.type : undefined,
		status: status && status !== NOT_DONE ? status : undefined,
		notDone: status === NOT_DONE,
		createdSince: since,
	};
}

/** Job > List: the account's jobs, one output per job (or per image of each DONE job with Include Results), paired to the item. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await startRun(this);
	if ('output' in run) return run.output;
	const { settings, connection } = run;
	// One item at a time: the pages of one listing follow each other.
	const outcomes = await forEachItem(this, { parallel: 1, signal: connection.signal }, async (itemIndex) => {
		const limit = readLimit(this, itemIndex);
		if ('failure' in limit) return limit;
		const filter = readFilter(this, itemIndex);
		if ('failure' in filter) return filter;
		const listed = await listJobs(this, connection, settings.policy, filter, limit.limit);
		if ('failure' in listed) return listed;
		if (listed.cut) {
			this.addExecutionHints({ message: `Job > List may be incomplete: ${listed.cut} [item ${itemIndex}]`, type: 'warning', location: 'outputPane' });
		}
		const jobs = listed.results.slice(0, limit.limit);
		if (this.getNodeParameter('includeResults', itemIndex, false) !== true) return { record: { rows: jobs.map(listingRow) } };
		const output = outputChosen((name, fallback) => this.getNodeParameter(name, itemIndex, fallback));
		const options = { policy: settings.policy, parallel: settings.parallel, output, signal: connection.signal };
		return { record: { rows: await jobsWithResults(this, connection, options, jobs) } };
	});
	return pairOutcomes(this, outcomes, { shape: (record) => record.rows as IDataObject[] });
}
