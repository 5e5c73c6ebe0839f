"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchCollection = searchCollection;
const collections_1 = require("../../catalog/collections");
const itemFailure_1 = require("../../failures/itemFailure");
const runRecords_1 = require("../../execution/runRecords");
const computedFields_1 = require("../../output/computedFields");
const pairItems_1 = require("../../output/pairItems");
const imageRecord_1 = require("../../records/imageRecord");
const jsonObject_1 = require("../../records/jsonObject");
const request_1 = require("../../transport/request");
const settings_1 = require("../../execution/settings");
const target_1 = require("./target");
const itemParameter_1 = require("../../records/itemParameter");
/** Item i's search: the whole request body (query record, k, filter, fields). */
async function prepareQuery(ctx, itemIndex) {
    let queryRecord;
    if ((0, itemParameter_1.itemParameter)(ctx, 'queryBy', itemIndex) === 'recordId') {
        const id = (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'queryRecordId', itemIndex, ''));
        if (!id)
            return { failure: (0, itemFailure_1.inputFailure)('Query Record ID is empty', 'Map the _id of a record in the collection.') };
        queryRecord = { _id: id };
    }
    else {
        const image = await (0, imageRecord_1.readImageField)(ctx, itemIndex);
        if ('failure' in image)
            return image;
        queryRecord = image.field;
    }
    const k = Number((0, itemParameter_1.itemParameter)(ctx, 'k', itemIndex, 10));
    if (!Number.isInteger(k) || k < 1) {
        return { failure: (0, itemFailure_1.inputFailure)(`Number of Results must be a whole number of at least 1 (got ${k})`) };
    }
    const filter = (0, jsonObject_1.parseJsonObject)((0, itemParameter_1.itemParameter)(ctx, 'filter', itemIndex, '{}'), 'Filter');
    if ('problem' in filter)
        return { failure: (0, itemFailure_1.inputFailure)(filter.problem, 'Use MongoDB syntax, e.g. {"category": {"$in": ["shoes"]}}.') };
    const body = {
        query_record: queryRecord,
        k,
        fields_to_return: (0, jsonObject_1.fieldList)((0, itemParameter_1.itemParameter)(ctx, 'fieldsToReturn', itemIndex, '_id')),
    };
    if (Object.keys(filter.value).length)
        body.filter = filter.value;
    return { record: body, bytes: (0, imageRecord_1.recordBytes)(body) };
}
/** The matches of one answer, in rank order, each with its distance (lower is closer). */
function matchesOf(answer) {
    const records = Array.isArray(answer.answer_records) ? answer.answer_records : [];
    const distances = Array.isArray(answer.answer_distances) ? answer.answer_distances : [];
    return records.map((record, index) => (0, computedFields_1.withComputed)({ rank: index + 1, distance: distances[index] ?? null }, record));
}
function queryLabel(body) {
    const query = (body.query_record ?? {});
    return query._id !== undefined ? { query_id: query._id } : query._url !== undefined ? { query_url: query._url } : {};
}
/**
 * Search: one request per query item (Ximilar takes one query record per call), each to
 * the item's own collection and search method, run with the same parallel limit,
 * retries and pairing as the batched operations.
 */
async function searchCollection() {
    const itemCount = this.getInputData().length;
    const read = (0, settings_1.readSettings)(this);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(this, read.failure);
    const collection = (0, target_1.readCollectionType)(this);
    if ('failure' in collection)
        return (0, pairItems_1.pairFailureForAll)(this, collection.failure);
    const { settings } = read;
    const { type } = collection;
    const connection = await (0, request_1.getConnection)(this);
    const queries = [];
    const outcomes = await (0, runRecords_1.runRecordJob)({
        itemCount,
        prepare: async (itemIndex) => {
            const tagSearch = type.supportsTagSearch === true && (0, itemParameter_1.itemParameter)(this, 'searchMethod', itemIndex, 'visual') === 'visualTags';
            const method = tagSearch ? collections_1.COLLECTION_METHODS.tagSearch : type.searchMethod;
            const target = (0, target_1.readCollectionTarget)(this, itemIndex, type, method);
            if ('failure' in target)
                return target;
            const prepared = await prepareQuery(this, itemIndex);
            if ('failure' in prepared)
                return prepared;
            queries[itemIndex] = queryLabel(prepared.record);
            return { ...prepared, target: target.target };
        },
        send: async ({ path, headers }, [body]) => {
            const result = await (0, request_1.requestXimilar)(this, connection, { method: 'POST', path, body, headers }, settings.policy);
            return 'body' in result ? { records: [result.body] } : result;
        },
        limits: { maxRecords: 1, maxBytes: settings.limits.maxBytes },
        parallel: settings.parallel,
        pacer: settings.policy.pacer,
        stopOnFailure: !this.continueOnFail(),
        signal: connection.signal,
    });
    const split = settings.options.splitMatches === true;
    return (0, pairItems_1.pairOutcomes)(this, outcomes, {
        shape: (answer, itemIndex) => {
            const matches = matchesOf(answer);
            const query = queries[itemIndex] ?? {};
            if (!split)
                return [{ ...query, match_count: matches.length, matches }];
            const computed = (match) => ({ ...query, match_count: matches.length, rank: match.rank, distance: match.distance });
            // A query without matches still gets one item, so no input item disappears.
            if (matches.length === 0)
                return [{ ...query, match_count: 0, rank: null }];
            return matches.map((match) => (0, computedFields_1.withComputed)(computed(match), match));
        },
    });
}
