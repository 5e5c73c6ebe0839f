import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import type { OperationOption } from '../../description/operations';
import { startRun } from '../../engine/run';
import { pairOutcomes } from '../../output/pairItems';
import { requestXimilar } from '../../transport/request';

export const option: OperationOption = {
	name: 'Get Details',
	value: 'getDetails',
	action: 'Get account details',
	description: 'Get the account, its credit usage and limit (costs no credit)',
};

export const description: INodeProperties[] = [];

/**
 * Account details: one request per execution however many items arrive (the account
 * is the same for all), then one output item per input item, paired.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const run = await startRun(this);
	if ('output' in run) return run.output;
	const result = await requestXimilar(this, run.connection, { method: 'GET', path: '/account/v2/details/', free: true }, run.settings.policy);
	// Stopped before the answer came: no item gets an outcome.
	if ('cancelled' in result) return pairOutcomes(this, new Array(itemCount), { shape: () => [] });
	const outcome = 'failure' in result ? { failure: result.failure } : { record: result.body };
	// Each item gets its own copy: downstream nodes may change one item's json.
	return pairOutcomes(this, Array.from({ length: itemCount }, () => outcome), {
		shape: (record) => [deepCopy(record)],
	});
}
