import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { COLLECTION_METHODS } from '../../catalog/collections';
import { FIELDS_TO_RETURN } from '../../description/collectionFields';
import { showFor, type OperationOption } from '../../description/operations';
import { optionsCollection, REQUEST_OPTIONS, RETURN_ALL_AND_LIMIT } from '../../description/requestOptions';
import { startRun } from '../../engine/run';
import type { Outcome } from '../../failures/itemFailure';
import { pairOutcomes } from '../../output/pairItems';
import { readCollectionTarget, readCollectionType } from '../../records/collectionTarget';
import { fieldList } from '../../records/jsonObject';
import { requestXimilar } from '../../transport/request';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many records from a collection',
	description: 'List the records of a collection, page by page',
};

const properties: INodeProperties[] = [
	...RETURN_ALL_AND_LIMIT,
	FIELDS_TO_RETURN,
	optionsCollection([REQUEST_OPTIONS.maxRetries, REQUEST_OPTIONS.maxRateLimitWait, REQUEST_OPTIONS.timeout]),
];

export const description = updateDisplayOptions(showFor('collection', 'getAll'), properties);

/** Records per page asked for; Ximilar returns everything when no size is given, which can be huge. */
const PAGE_SIZE = 100;

/**
 * Get Many: pages through `allRecords?size=&page=` until the answer has no `next` (as the
 * official client's iterator does), or the limit is reached. The collection is listed once
 * per execution, however many items come in; every record is paired with the first item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	// One listing for the run: the first item's collection.
	const run = await startRun(this, () => {
		const collection = readCollectionType(this);
		return 'failure' in collection ? collection : readCollectionTarget(this, 0, collection.type, COLLECTION_METHODS.getAll);
	});
	if ('output' in run) return run.output;
	const { settings, connection } = run;
	const { path, headers } = run.target;
	const returnAll = this.getNodeParameter('returnAll', 0, false) === true;
	const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 0, 50)));
	const body = { fields_to_return: fieldList(this.getNodeParameter('fieldsToReturn', 0, '_id')) };
	const size = Math.min(PAGE_SIZE, limit);

	const records: IDataObject[] = [];
	let outcome: Outcome | undefined;
	for (let page = 1; outcome === undefined; page++) {
		// Listing costs nothing: every transient failure of a page is retried.
		const call = { method: 'POST' as const, path, qs: { size, page }, body, headers, free: true };
		const result = await requestXimilar(this, connection, call, settings.policy);
		if ('cancelled' in result) return [];
		if ('failure' in result) {
			outcome = { failure: result.failure };
			break;
		}
		const answer = Array.isArray(result.body.answer_records) ? (result.body.answer_records as IDataObject[]) : [];
		records.push(...answer);
		const more = result.body.next !== undefined && result.body.next !== null && result.body.next !== '';
		if (!more || answer.length === 0 || records.length >= limit) outcome = { record: { records: records.slice(0, limit) } };
	}
	return pairOutcomes(this, [outcome], { shape: (listed) => listed.records as IDataObject[] });
}
