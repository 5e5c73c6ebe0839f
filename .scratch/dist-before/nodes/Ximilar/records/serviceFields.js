"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.splitServiceOptions = splitServiceOptions;
exports.addRecordOptions = addRecordOptions;
const serviceOptions_1 = require("../catalog/serviceOptions");
const itemFailure_1 = require("../failures/itemFailure");
/** Splits the chosen service options by where Ximilar reads them. Unset and empty options are not sent. */
function splitServiceOptions(service, chosen) {
    const request = {};
    const records = { record: {}, object: {} };
    for (const key of service.options) {
        const value = chosen[key];
        if (value === undefined || value === '')
            continue;
        const option = serviceOptions_1.SERVICE_OPTIONS[key];
        const target = option.placement === 'record' ? records.record : option.placement === 'object' ? records.object : request;
        target[option.bodyKey] = value;
    }
    return { request, records };
}
/** Adds the per-record options to a prepared record; an empty prompt is refused before any request. */
function addRecordOptions(prepared, options) {
    if ('failure' in prepared)
        return prepared;
    if (options.record.prompt === '') {
        return { failure: (0, itemFailure_1.inputFailure)('Prompt is empty', 'Write what GPT should answer about the text, e.g. "Return the invoice number".') };
    }
    const added = { ...options.record };
    if (Object.keys(options.object).length) {
        // Hints the user already put in Additional Record Fields win over the option.
        const objects = Array.isArray(prepared.record._objects) ? prepared.record._objects : [];
        added._objects = [{ ...options.object, ...objects[0] }, ...objects.slice(1)];
    }
    if (Object.keys(added).length === 0)
        return prepared;
    const record = { ...prepared.record, ...added };
    return { record, bytes: prepared.bytes + JSON.stringify(added).length };
}
