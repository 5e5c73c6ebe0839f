import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { COLLECTION_METHODS } from '../../catalog/collections';
import type { Outcome } from '../../execution/runRecords';
import { readSettings } from '../../execution/settings';
import { pairFailureForAll, pairOutcomes } from '../../output/pairItems';
import { fieldList } from '../../records/jsonObject';
import { getConnection, requestXimilar } from '../../transport/request';
import { readCollectionTarget, readCollectionType } from './target';

/** Records per page asked for; Ximilar returns everything when no size is given (S4), which can be huge. */
const PAGE_SIZE = 100;

/**
 * Get Many: pages through `allRecords?size=&page=` until the answer has no `next` (the
 * official client's iterator, S4), or the limit is reached. The collection is listed once
 * per execution, however many items come in; every record is paired with the first item.
 */
export async function listCollection(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const read = readSettings(this);
	if ('failure' in read) return pairFailureForAll(this, read.failure);
	const collection = readCollectionType(this);
	if ('failure' in collection) return pairFailureForAll(this, collection.failure);
	const found = readCollectionTarget(this, 0, collection.type, COLLECTION_METHODS.getAll);
	if ('failure' in found) return pairFailureForAll(this, found.failure);
	const { settings } = read;
	const { path, headers } = found.target;
	const returnAll = this.getNodeParameter('returnAll', 0, false) === true;
	const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 0, 50)));
	const body = { fields_to_return: fieldList(this.getNodeParameter('fieldsToReturn', 0, '_id')) };
	const connection = await getConnection(this);
	const size = Math.min(PAGE_SIZE, limit);

	const records: IDataObject[] = [];
	let outcome: Outcome | undefined;
	for (let page = 1; outcome === undefined; page++) {
		const call = { method: 'POST' as const, path, qs: { size, page }, body, headers };
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
