import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { COLLECTION_METHODS, COLLECTION_TYPES } from '../../catalog/collections';
import { FIELDS_TO_RETURN, LEGACY_COLLECTION } from '../../description/collectionFields';
import { imageSourceProperties } from '../../description/imageSource';
import { movedParameter, movedParameterPath } from '../../description/movedParameters';
import { showFor, type OperationOption } from '../../description/operations';
import { optionsCollection, REQUEST_OPTIONS } from '../../description/requestOptions';
import { distinctRecordsFor, hintSharedResults } from '../../engine/batching/distinctRecords';
import { runBatches } from '../../engine/batching/runBatches';
import { startRun } from '../../engine/run';
import { inputFailure } from '../../failures/itemFailure';
import { withComputed } from '../../output/computedFields';
import { pairOutcomes } from '../../output/pairItems';
import { readCollectionTarget, readCollectionType } from '../../records/collectionTarget';
import { FRONT_IMAGE } from '../../records/imageParameters';
import { readImageField, recordBytes } from '../../records/imageRecord';
import { itemParameter } from '../../records/itemParameter';
import { fieldList, parseJsonObject, textParameter } from '../../records/jsonObject';
import { checkNumber } from '../../records/numberParameter';
import type { Prepared } from '../../records/prepared';
import { ReusedBuffers } from '../../records/reusedBuffers';
import { requestXimilar } from '../../transport/request';

export const option: OperationOption = {
	name: 'Search',
	value: 'search',
	action: 'Search a collection for similar images',
	description: 'Find the images of a collection most similar to an image, or to an image already in it',
};

/** k: its typeOptions are the panel's limits and the check of a k an expression gives. */
const NUMBER_OF_RESULTS = {
	displayName: 'Number of Results',
	name: 'k',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: 10,
	description: 'How many of the most similar images to return (k)',
} satisfies INodeProperties;

/** Older fashion and home decor collections search by tags too. */
const TAG_SEARCH_TYPES = COLLECTION_TYPES.filter((type) => type.supportsTagSearch).map((type) => type.value);

const SEARCH_METHOD: INodeProperties = {
	displayName: 'Search Method',
	name: 'searchMethod',
	type: 'options',
	options: [
		{ name: 'Visual', value: 'visual', description: 'Similarity of the images' },
		{ name: 'Visual and Tags', value: 'visualTags', description: 'Similarity of the images and of their fashion tags' },
	],
	default: 'visual',
	displayOptions: { show: { collectionType: [LEGACY_COLLECTION], legacyCollectionType: TAG_SEARCH_TYPES } },
};

/** A JSON editor most searches leave empty: among the Options. */
const FILTER: INodeProperties = {
	displayName: 'Filter',
	name: 'filter',
	type: 'json',
	default: '{}',
	description: 'Only search images whose metadata match, in MongoDB syntax, e.g. {"category": {"$in": ["shoes", "bags"]}}',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Query By',
		name: 'queryBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Image', value: 'image', description: 'Find images similar to an image' },
			{ name: 'Image in the Collection', value: 'recordId', description: 'Find images similar to one already in the collection, by its ID' },
		],
		default: 'image',
	},
	...imageSourceProperties({ queryBy: ['image'] }),
	{
		displayName: 'Query Image ID',
		name: 'queryRecordId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of an image in the collection (its _id)',
		displayOptions: { show: { queryBy: ['recordId'] } },
	},
	SEARCH_METHOD,
	// A workflow saved before the older types moved behind one choice names the type itself.
	{ ...SEARCH_METHOD, displayOptions: { show: { collectionType: TAG_SEARCH_TYPES } } },
	NUMBER_OF_RESULTS,
	FIELDS_TO_RETURN,
	movedParameter(FILTER.name, '{}'),
	optionsCollection([
		FILTER,
		REQUEST_OPTIONS.adaptToRateLimits,
		REQUEST_OPTIONS.distinctImagesOnce,
		REQUEST_OPTIONS.includeInputFields,
		{
			displayName: 'Split Matches',
			name: 'splitMatches',
			type: 'boolean',
			default: false,
			description: 'Whether to output one item per match instead of one item per query holding all matches',
		},
		// A query image larger than this is refused before sending: the option that says so must be offered.
		REQUEST_OPTIONS.maxRequestSizeMb,
		REQUEST_OPTIONS.maxRetries,
		REQUEST_OPTIONS.maxRateLimitWait,
		REQUEST_OPTIONS.parallelRequests,
		REQUEST_OPTIONS.requestsPerMinute,
		REQUEST_OPTIONS.retryMayBill,
		REQUEST_OPTIONS.timeout,
	]),
];

export const description = updateDisplayOptions(showFor('collection', 'search'), properties);

/** Item i's search: the whole request body (query record, k, filter, fields). */
async function prepareQuery(ctx: IExecuteFunctions, itemIndex: number, memory: ReusedBuffers): Promise<Prepared> {
	let queryRecord: IDataObject;
	if (itemParameter(ctx, 'queryBy', itemIndex) === 'recordId') {
		const id = textParameter(itemParameter(ctx, 'queryRecordId', itemIndex, ''));
		if (!id) return { failure: inputFailure('Query Image ID is empty', 'Map the _id of an image in the collection.') };
		queryRecord = { _id: id };
	} else {
		const image = await readImageField(ctx, itemIndex, FRONT_IMAGE, memory);
		if ('failure' in image) return image;
		queryRecord = image.field;
	}
	const k = checkNumber(NUMBER_OF_RESULTS, itemParameter(ctx, NUMBER_OF_RESULTS.name, itemIndex, NUMBER_OF_RESULTS.default));
	if ('problem' in k) return { failure: inputFailure(k.problem, 'Map a whole number of matches to return, such as 10.') };
	const filter = parseJsonObject(itemParameter(ctx, movedParameterPath(ctx, FILTER.name), itemIndex, '{}'), FILTER.displayName);
	if ('problem' in filter) return { failure: inputFailure(filter.problem, 'Use MongoDB syntax, e.g. {"category": {"$in": ["shoes"]}}.') };
	const body: IDataObject = {
		query_record: queryRecord,
		k: k.value,
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
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await startRun(this, () => readCollectionType(this));
	if ('output' in run) return run.output;
	const { settings, type, connection } = run;
	const queries: IDataObject[] = [];
	const memory = new ReusedBuffers();
	const distinct = distinctRecordsFor(this, settings);

	const outcomes = await runBatches({
		itemCount: this.getInputData().length,
		prepare: async (itemIndex) => {
			const tagSearch = type.supportsTagSearch === true && itemParameter(this, 'searchMethod', itemIndex, 'visual') === 'visualTags';
			const method = tagSearch ? COLLECTION_METHODS.tagSearch : type.searchMethod;
			const target = readCollectionTarget(this, itemIndex, type, method);
			if ('failure' in target) return target;
			const prepared = await prepareQuery(this, itemIndex, memory);
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
		distinct,
	});
	hintSharedResults(this, distinct);

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
		billed: 'search',
	});
}
