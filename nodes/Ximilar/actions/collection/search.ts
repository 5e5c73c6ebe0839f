import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { COLLECTION_METHODS } from '../../catalog/collections';
import { inputFailure } from '../../failures/itemFailure';
import type { Outcome } from '../../execution/runRecords';
import { runRecordJob } from '../../execution/runRecords';
import { withComputed } from '../../output/computedFields';
import { pairOutcomes } from '../../output/pairItems';
import { readImageField, recordBytes, type Prepared } from '../../records/imageRecord';
import { fieldList, parseJsonObject, textParameter } from '../../records/jsonObject';
import { requestXimilar } from '../../transport/request';
import { startCollectionRun } from './collectionRun';
import { readCollectionTarget } from './target';
import { itemParameter } from '../../records/itemParameter';

/** Item i's search: the whole request body (query record, k, filter, fields). */
async function prepareQuery(ctx: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	let queryRecord: IDataObject;
	if (itemParameter(ctx, 'queryBy', itemIndex) === 'recordId') {
		const id = textParameter(itemParameter(ctx, 'queryRecordId', itemIndex, ''));
		if (!id) return { failure: inputFailure('Query Record ID is empty', 'Map the _id of a record in the collection.') };
		queryRecord = { _id: id };
	} else {
		const image = await readImageField(ctx, itemIndex);
		if ('failure' in image) return image;
		queryRecord = image.field;
	}
	const k = Number(itemParameter(ctx, 'k', itemIndex, 10));
	if (!Number.isInteger(k) || k < 1) {
		return { failure: inputFailure(`Number of Results must be a whole number of at least 1 (got ${k})`) };
	}
	const filter = parseJsonObject(itemParameter(ctx, 'filter', itemIndex, '{}'), 'Filter');
	if ('problem' in filter) return { failure: inputFailure(filter.problem, 'Use MongoDB syntax, e.g. {"category": {"$in": ["shoes"]}}.') };
	const body: IDataObject = {
		query_record: queryRecord,
		k,
		fields_to_return: fieldList(itemParameter(ctx, 'fieldsToReturn', itemIndex, '_id')),
	};
	if (Object.keys(filter.value).length) body.filter = filter.value;
	return { record: body, bytes: recordBytes(body) };
}

/** The matches of one answer, in rank order, each with its distance (lower is closer). */
function matchesOf(answer: IDataObject): IDataObject[] {
	const records = Array.isArray(answer.answer_records) ? (answer.answer_records as IDataObject[]) : [];
	const distances = Array.isArray(answer.answer_distances) ? (answer.answer_distances as number[]) : [];
	return records.map((record, index) => withComputed({ rank: index + 1, distance: distances[index] ?? null }, record));
}

function queryLabel(body: IDataObject): IDataObject {
	const query = (body.query_record ?? {}) as IDataObject;
	return query._id !== undefined ? { query_id: query._id } : query._url !== undefined ? { query_url: query._url } : {};
}

/**
 * Search: one request per query item (Ximilar takes one query record per call), each to
 * the item's own collection and search method, run with the same parallel limit,
 * retries and pairing as the batched operations.
 */
export async function searchCollection(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const run = await startCollectionRun(this);
	if ('output' in run) return run.output;
	const { settings, type, connection } = run;
	const queries: IDataObject[] = [];

	const outcomes: Array<Outcome | undefined> = await runRecordJob({
		itemCount,
		prepare: async (itemIndex) => {
			const tagSearch =
				type.supportsTagSearch === true && itemParameter(this, 'searchMethod', itemIndex, 'visual') === 'visualTags';
			const method = tagSearch ? COLLECTION_METHODS.tagSearch : type.searchMethod;
			const target = readCollectionTarget(this, itemIndex, type, method);
			if ('failure' in target) return target;
			const prepared = await prepareQuery(this, itemIndex);
			if ('failure' in prepared) return prepared;
			queries[itemIndex] = queryLabel(prepared.record);
			return { ...prepared, target: target.target };
		},
		send: async ({ path, headers }, [body]) => {
			const result = await requestXimilar(this, connection, { method: 'POST', path, body, headers }, settings.policy);
			return 'body' in result ? { records: [result.body] } : result;
		},
		limits: { maxRecords: 1, maxBytes: settings.limits.maxBytes },
		parallel: settings.parallel,
		pacer: settings.policy.pacer,
		stopOnFailure: !this.continueOnFail(),
		signal: connection.signal,
	});

	const split = settings.options.splitMatches === true;
	return pairOutcomes(this, outcomes, {
		shape: (answer, itemIndex) => {
			const matches = matchesOf(answer);
			const query = queries[itemIndex] ?? {};
			if (!split) return [{ ...query, match_count: matches.length, matches }];
			const computed = (match: IDataObject) => ({ ...query, match_count: matches.length, rank: match.rank, distance: match.distance });
			// A query without matches still gets one item, so no input item disappears.
			if (matches.length === 0) return [{ ...query, match_count: 0, rank: null }];
			return matches.map((match) => withComputed(computed(match), match));
		},
	});
}
