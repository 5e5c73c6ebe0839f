import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { pairOutcomes } from '../../output/pairItems';
import { getConnection, requestXimilar } from '../../transport/request';
import { readSettings } from '../../execution/settings';

/**
 * Account details: one request per execution however many items arrive (the account
 * is the same for all), then one output item per input item, paired.
 */
export async function getAccountDetails(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const read = readSettings(this);
	const result =
		'failure' in read
			? read
			: await requestXimilar(
					this,
					await getConnection(this),
					{ method: 'GET', path: '/account/v2/details/' },
					read.settings.policy,
				);
	// Stopped before the answer came: no item gets an outcome.
	if ('cancelled' in result) return pairOutcomes(this, new Array(itemCount), { shape: () => [] });
	const outcome = 'failure' in result ? { failure: result.failure } : { record: result.body };
	// Each item gets its own copy: downstream nodes may change one item's json.
	return pairOutcomes(this, Array.from({ length: itemCount }, () => outcome), {
		shape: (record) => [deepCopy(record)],
	});
}
