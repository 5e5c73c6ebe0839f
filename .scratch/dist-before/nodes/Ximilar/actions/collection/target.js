"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readCollectionType = readCollectionType;
exports.readCollectionTarget = readCollectionTarget;
const collections_1 = require("../../catalog/collections");
const itemFailure_1 = require("../../failures/itemFailure");
const jsonObject_1 = require("../../records/jsonObject");
const itemParameter_1 = require("../../records/itemParameter");
/** The collection type is node-level (it shapes the UI): read once. */
function readCollectionType(ctx) {
    const value = ctx.getNodeParameter('collectionType', 0);
    const type = (0, collections_1.findCollectionType)(value);
    return type ? { type } : { failure: (0, itemFailure_1.inputFailure)(`unknown collection type "${value}"`) };
}
/**
 * Item i's collection: the API base path and the collection-id header, read per item so
 * that items mapped to different collections go to their own collection.
 */
function readCollectionTarget(ctx, itemIndex, type, method) {
    let basePath = type.basePath;
    if (type.value === 'customPath') {
        basePath = (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'basePath', itemIndex, '')).replace(/\/+$/, '');
        if (!basePath)
            return { failure: (0, itemFailure_1.inputFailure)('Base Path is empty', 'Enter a path such as /similarity/custom/v2.') };
        if (!basePath.startsWith('/'))
            basePath = `/${basePath}`;
    }
    const collectionId = (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'collectionId', itemIndex, ''));
    if (!collectionId) {
        return {
            failure: (0, itemFailure_1.inputFailure)('Collection ID is empty', 'Copy the ID of your collection from the Ximilar App (Collections).'),
        };
    }
    return { target: { path: `${basePath}/${method}`, headers: { 'collection-id': collectionId } } };
}
