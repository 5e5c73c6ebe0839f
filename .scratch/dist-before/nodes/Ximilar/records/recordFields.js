"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readExtraFields = readExtraFields;
exports.prepareImageRecord = prepareImageRecord;
const itemFailure_1 = require("../failures/itemFailure");
const imageRecord_1 = require("./imageRecord");
const jsonObject_1 = require("./jsonObject");
const itemParameter_1 = require("./itemParameter");
const IMAGE_KEYS = ['_url', '_base64'];
/**
 * Extra record fields from a JSON parameter (Additional Record Fields, Metadata).
 * The image and the ID have parameters of their own, so the JSON may not set them.
 */
function readExtraFields(ctx, itemIndex, parameter, label, reserved) {
    const parsed = (0, jsonObject_1.parseJsonObject)((0, itemParameter_1.itemParameter)(ctx, parameter, itemIndex, '{}'), label);
    if ('problem' in parsed)
        return { failure: (0, itemFailure_1.inputFailure)(parsed.problem) };
    const clash = Object.keys(parsed.value).find((key) => reserved.includes(key));
    if (clash) {
        return {
            failure: (0, itemFailure_1.inputFailure)(`${label} may not set "${clash}"`, 'Set the image with "Image Source" and the ID with "Record ID".'),
        };
    }
    return { fields: parsed.value };
}
/** Item i as a record with an image: `_id`, extra fields, then `_url` or `_base64`. */
async function prepareImageRecord(ctx, itemIndex, spec) {
    const recordId = (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'recordId', itemIndex, ''));
    if (spec.requireId && !recordId) {
        return { failure: (0, itemFailure_1.inputFailure)('Record ID is empty', 'Map a unique ID for each image, e.g. {{ $json.sku }}.') };
    }
    const extra = readExtraFields(ctx, itemIndex, spec.fieldsParameter, spec.fieldsLabel, [...IMAGE_KEYS, '_id']);
    if ('failure' in extra)
        return extra;
    const image = await (0, imageRecord_1.readImageField)(ctx, itemIndex);
    if ('failure' in image)
        return image;
    const record = { ...(recordId ? { _id: recordId } : {}), ...extra.fields, ...image.field };
    return { record, bytes: (0, imageRecord_1.recordBytes)(record) };
}
