"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listCollection = listCollection;
const collections_1 = require("../../catalog/collections");
const settings_1 = require("../../execution/settings");
const pairItems_1 = require("../../output/pairItems");
const jsonObject_1 = require("../../records/jsonObject");
const request_1 = require("../../transport/request");
const target_1 = require("./target");
/** Records per page asked for; Ximilar returns everything when no size is given (S4), which can be huge. */
const PAGE_SIZE = 100;
/**
 * Get Many: pages through `allRecords?size=&page=` until the answer has no `next` (the
 * official client's iterator, S4), or the limit is reached. The collection is listed once
 * per execution, however many items come in; every record is paired with the first item.
 */
async function listCollection() {
    const read = (0, settings_1.readSettings)(this);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(this, read.failure);
    const collection = (0, target_1.readCollectionType)(this);
    if ('failure' in collection)
        return (0, pairItems_1.pairFailureForAll)(this, collection.failure);
    const found = (0, target_1.readCollectionTarget)(this, 0, collection.type, collections_1.COLLECTION_METHODS.getAll);
    if ('failure' in found)
        return (0, pairItems_1.pairFailureForAll)(this, found.failure);
    const { settings } = read;
    const { path, headers } = found.target;
    const returnAll = this.getNodeParameter('returnAll', 0, false) === true;
    const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 0, 50)));
    const body = { fields_to_return: (0, jsonObject_1.fieldList)(this.getNodeParameter('fieldsToReturn', 0, '_id')) };
    const connection = await (0, request_1.getConnection)(this);
    const size = Math.min(PAGE_SIZE, limit);
    const records = [];
    let outcome;
    for (let page = 1; outcome === undefined; page++) {
        const call = { method: 'POST', path, qs: { size, page }, body, headers };
        const result = await (0, request_1.requestXimilar)(this, connection, call, settings.policy);
        if ('cancelled' in result)
            return [];
        if ('failure' in result) {
            outcome = { failure: result.failure };
            break;
        }
        const answer = Array.isArray(result.body.answer_records) ? result.body.answer_records : [];
        records.push(...answer);
        const more = result.body.next !== undefined && result.body.next !== null && result.body.next !== '';
        if (!more || answer.length === 0 || records.length >= limit)
            outcome = { record: { records: records.slice(0, limit) } };
    }
    return (0, pairItems_1.pairOutcomes)(this, [outcome], { shape: (listed) => listed.records });
}
