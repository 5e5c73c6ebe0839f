import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { COLLECTION_METHODS } from '../../catalog/collections';
import { FIELDS_TO_RETURN } from '../../description/collectionFields';
import { showFor, type OperationOption } from '../../description/operations';
import { optionsCollection, REQUEST_OPTIONS, RETURN_ALL_AND_LIMIT } from '../../description/requestOptions';
import { readLimit, readPages, type PageRead } from '../../engine/paging';
import { startRun } from '../../engine/run';
import type { Outcome } from '../../failures/itemFailure';
import { pairOutcomes } from '../../output/pairItems';
import { readCollectionTarget, readCollectionType } from '../../records/collectionTarget';
import { fieldList } from '../../records/jsonObject';
import { requestXimilar } from '../../transport/request';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many images from a collection',
	description: 'List the images of a collection with their fields, page by page',
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
 * official client's iterator does), or the limit is reached, or the page cap (readPages).
 * The collection is listed once per execution, however many items come in; every record
 * is paired with the first item. A listing cut short says so in a hint above the output.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	// One listing for the run: the first item's collection and Limit.
	const run = await startRun(this, () => {
		const limit = readLimit(this, 0);
		if ('failure' in limit) return limit;
		const collection = readCollectionType(this);
		if ('failure' in collection) return collection;
		const target = readCollectionTarget(this, 0, collection.type, COLLECTION_METHODS.getAll);
		return 'failure' in target ? target : { ...target, limit: limit.limit };
	});
	if ('output' in run) return run.output;
	const { settings, connection, limit } = run;
	const { path, headers } = run.target;
	const body = { fields_to_return: fieldList(this.getNodeParameter('fieldsToReturn', 0, '_id')) };
	const size = Math.min(PAGE_SIZE, limit);

	let stopped = false;
	const listing = await readPages(limit, async (page): Promise<PageRead<IDataObject>> => {
		// Listing costs nothing: every transient failure of a page is retried.
		const result = await requestXimilar(this, connection, { method: 'POST', path, qs: { size, page }, body, headers, free: true }, settings.policy);
		if ('cancelled' in result) {
			stopped = true;
			return { end: true };
		}
		if ('failure' in result) return result;
		const answer = Array.isArray(result.body.answer_records) ? (result.body.answer_records as IDataObject[]) : [];
		return { results: answer, next: result.body.next };
	});
	if (stopped) return [];
	if (!('failure' in listing) && listing.cut) {
		this.addExecutionHints({ message: `Get Many may be incomplete: ${listing.cut}.`, type: 'warning', location: 'outputPane' });
	}
	const outcome: Outcome = 'failure' in listing ? listing : { record: { records: listing.results } };
	return pairOutcomes(this, [outcome], { shape: (listed) => listed.records as IDataObject[] });
}
