"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upkeepCollection = upkeepCollection;
const collections_1 = require("../../catalog/collections");
const itemFailure_1 = require("../../failures/itemFailure");
const runRecords_1 = require("../../execution/runRecords");
const computedFields_1 = require("../../output/computedFields");
const pairItems_1 = require("../../output/pairItems");
const simplify_1 = require("../../output/simplify");
const imageRecord_1 = require("../../records/imageRecord");
const jsonObject_1 = require("../../records/jsonObject");
const recordFields_1 = require("../../records/recordFields");
const request_1 = require("../../transport/request");
const settings_1 = require("../../execution/settings");
const target_1 = require("./target");
const itemParameter_1 = require("../../records/itemParameter");
const upkeepSender_1 = require("./upkeepSender");
function readRecordId(ctx, itemIndex) {
    return (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'recordId', itemIndex, ''));
}
const EMPTY_ID = (0, itemFailure_1.inputFailure)('Record ID is empty', 'Map the _id of the record, e.g. {{ $json.sku }}.');
/** How item i becomes a record, per operation. */
const PREPARE = {
    insert: async (ctx, itemIndex) => await (0, recordFields_1.prepareImageRecord)(ctx, itemIndex, { fieldsParameter: 'metadata', fieldsLabel: 'Metadata', requireId: true }),
    update: async (ctx, itemIndex) => {
        const id = readRecordId(ctx, itemIndex);
        if (!id)
            return { failure: EMPTY_ID };
        const metadata = (0, recordFields_1.readExtraFields)(ctx, itemIndex, 'metadata', 'Metadata', ['_id', '_url', '_base64']);
        if ('failure' in metadata)
            return metadata;
        const record = { _id: id, ...metadata.fields };
        return { record, bytes: (0, imageRecord_1.recordBytes)(record) };
    },
    delete: async (ctx, itemIndex) => {
        const id = readRecordId(ctx, itemIndex);
        return id ? { record: { _id: id }, bytes: (0, imageRecord_1.recordBytes)({ _id: id }) } : { failure: EMPTY_ID };
    },
    get: async (ctx, itemIndex) => {
        const id = readRecordId(ctx, itemIndex);
        return id ? { record: { _id: id }, bytes: (0, imageRecord_1.recordBytes)({ _id: id }) } : { failure: EMPTY_ID };
    },
};
/** Top-level fields of item i's request: Get's fields to return (read per item). */
function requestFields(ctx, itemIndex, operation) {
    return operation === 'get' ? { fields_to_return: (0, jsonObject_1.fieldList)((0, itemParameter_1.itemParameter)(ctx, 'fieldsToReturn', itemIndex, '_id')) } : {};
}
/**
 * Insert, update, delete and get: records of up to 10 per request, grouped by collection,
 * one output item per input item in order, the answer matched to the items by `_id`: a
 * record Ximilar refuses or leaves out fails only its own item, with the reason.
 */
async function upkeepCollection(operation) {
    const itemCount = this.getInputData().length;
    const read = (0, settings_1.readSettings)(this);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(this, read.failure);
    const collection = (0, target_1.readCollectionType)(this);
    if ('failure' in collection)
        return (0, pairItems_1.pairFailureForAll)(this, collection.failure);
    const { settings } = read;
    const connection = await (0, request_1.getConnection)(this);
    const outcomes = await (0, runRecords_1.runRecordJob)({
        itemCount,
        prepare: async (itemIndex) => {
            const target = (0, target_1.readCollectionTarget)(this, itemIndex, collection.type, collections_1.COLLECTION_METHODS[operation]);
            if ('failure' in target)
                return target;
            const prepared = await PREPARE[operation](this, itemIndex);
            if ('failure' in prepared)
                return prepared;
            return { ...prepared, target: { ...target.target, fields: requestFields(this, itemIndex, operation) } };
        },
        send: (0, upkeepSender_1.upkeepSender)(this, connection, settings.policy, operation),
        limits: settings.limits,
        parallel: settings.parallel,
        pacer: settings.policy.pacer,
        stopOnFailure: !this.continueOnFail(),
        signal: connection.signal,
    });
    return (0, pairItems_1.pairOutcomes)(this, outcomes, {
        shape: (record) => [(0, computedFields_1.withComputed)({ operation }, (0, simplify_1.rawRecord)(record))],
        includeBinary: settings.includeBinary,
    });
}
