"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recognize = recognize;
const services_1 = require("../../catalog/services");
const itemFailure_1 = require("../../failures/itemFailure");
const runRecords_1 = require("../../execution/runRecords");
const sendRecords_1 = require("../../execution/sendRecords");
const settings_1 = require("../../execution/settings");
const agentAnswer_1 = require("../../output/agentAnswer");
const pairItems_1 = require("../../output/pairItems");
const simplify_1 = require("../../output/simplify");
const jsonObject_1 = require("../../records/jsonObject");
const recordFields_1 = require("../../records/recordFields");
const serviceFields_1 = require("../../records/serviceFields");
const request_1 = require("../../transport/request");
const itemParameter_1 = require("../../records/itemParameter");
/** Service is node-level (it shapes the UI); path, task and options are read per item. */
function readService(ctx) {
    const value = ctx.getNodeParameter('service', 0);
    const service = (0, services_1.findService)(value);
    return service ? { service } : { failure: (0, itemFailure_1.inputFailure)(`unknown service "${value}"`) };
}
function readPath(ctx, itemIndex, service) {
    if (service.value !== 'custom')
        return service.path;
    const path = (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'endpointPath', itemIndex, ''));
    if (!path)
        return { failure: (0, itemFailure_1.inputFailure)('Endpoint Path is empty', 'Enter a path such as /collectibles/v2/tcg_id.') };
    if (/^https?:\/\//i.test(path)) {
        return {
            failure: (0, itemFailure_1.inputFailure)('Endpoint Path must be a path, not a full URL', 'The API URL comes from the credential; enter only the part after it.'),
        };
    }
    return path.startsWith('/') ? path : `/${path}`;
}
/**
 * Item i's request target: path, and the top-level fields its request carries (service
 * options, task, additional request fields). Items whose targets differ go in separate requests.
 */
function readTarget(ctx, itemIndex, service) {
    const path = readPath(ctx, itemIndex, service);
    if (typeof path !== 'string')
        return path;
    const extra = (0, jsonObject_1.parseJsonObject)((0, itemParameter_1.itemParameter)(ctx, 'options.additionalRequestFields', itemIndex, '{}'), 'Additional Request Fields');
    if ('problem' in extra)
        return { failure: (0, itemFailure_1.inputFailure)(extra.problem) };
    const chosen = (0, itemParameter_1.itemParameter)(ctx, 'serviceOptions', itemIndex, {});
    const split = (0, serviceFields_1.splitServiceOptions)(service, chosen);
    const fields = { ...service.fixedFields, ...extra.value, ...split.request };
    if (service.needsTask) {
        const task = (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'task', itemIndex, '', { extractValue: true }));
        if (!task) {
            return {
                failure: (0, itemFailure_1.inputFailure)('Task ID is empty', `${service.name} needs the ID of the task you trained in the Ximilar App.`),
            };
        }
        fields.task = task;
    }
    delete fields.records;
    const recordOptions = service.needsPrompt
        ? { ...split.records, record: { ...split.records.record, prompt: readPrompt(ctx, itemIndex) } }
        : split.records;
    return { target: { path, fields, maxRecords: (0, services_1.recordLimit)(service, chosen) }, recordOptions };
}
/** Per item: OCR with GPT answers the item's own prompt (sent in its record). */
function readPrompt(ctx, itemIndex) {
    return (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, 'prompt', itemIndex, ''));
}
async function recognize() {
    const itemCount = this.getInputData().length;
    const read = (0, settings_1.readSettings)(this);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(this, read.failure);
    const chosen = readService(this);
    if ('failure' in chosen)
        return (0, pairItems_1.pairFailureForAll)(this, chosen.failure);
    const { settings } = read;
    const { service } = chosen;
    const simplify = this.getNodeParameter('simplify', 0, true) !== false;
    const connection = await (0, request_1.getConnection)(this);
    // The request fields of each item's target, which shape its simplified output.
    const requestFields = [];
    const outcomes = await (0, runRecords_1.runRecordJob)({
        itemCount,
        prepare: async (itemIndex) => {
            const target = readTarget(this, itemIndex, service);
            if ('failure' in target)
                return target;
            const prepared = (0, serviceFields_1.addRecordOptions)(await (0, recordFields_1.prepareImageRecord)(this, itemIndex, {
                fieldsParameter: 'additionalFields',
                fieldsLabel: 'Additional Record Fields',
                requireId: false,
            }), target.recordOptions);
            if ('failure' in prepared)
                return prepared;
            requestFields[itemIndex] = target.target.fields ?? {};
            return { ...prepared, target: target.target };
        },
        send: (0, sendRecords_1.recordsSender)(this, connection, settings.policy),
        limits: settings.limits,
        parallel: settings.parallel,
        pacer: settings.policy.pacer,
        stopOnFailure: !this.continueOnFail(),
        signal: connection.signal,
    });
    const forAgent = simplify && (0, agentAnswer_1.isToolCall)(this);
    // An agent gets the `_id` only when one was sent: Ximilar makes one up otherwise.
    const sentId = (itemIndex) => (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(this, 'recordId', itemIndex, '')) !== '';
    return (0, pairItems_1.pairOutcomes)(this, outcomes, {
        shape: (record, itemIndex) => {
            if (!simplify)
                return [(0, simplify_1.rawRecord)(record)];
            const rows = (0, simplify_1.simplifyRecord)(service.summary, record, requestFields[itemIndex]);
            return forAgent ? rows.map((row) => (0, agentAnswer_1.agentRow)(row, record, sentId(itemIndex))) : rows;
        },
        includeBinary: settings.includeBinary,
    });
}
