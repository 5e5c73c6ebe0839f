"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getAccountDetails = getAccountDetails;
const n8n_workflow_1 = require("n8n-workflow");
const pairItems_1 = require("../../output/pairItems");
const request_1 = require("../../transport/request");
const settings_1 = require("../../execution/settings");
/**
 * Account details: one request per execution however many items arrive (the account
 * is the same for all), then one output item per input item, paired.
 */
async function getAccountDetails() {
    const itemCount = this.getInputData().length;
    const read = (0, settings_1.readSettings)(this);
    const result = 'failure' in read
        ? read
        : await (0, request_1.requestXimilar)(this, await (0, request_1.getConnection)(this), { method: 'GET', path: '/account/v2/details/' }, read.settings.policy);
    // Stopped before the answer came: no item gets an outcome.
    if ('cancelled' in result)
        return (0, pairItems_1.pairOutcomes)(this, new Array(itemCount), { shape: () => [] });
    const outcome = 'failure' in result ? { failure: result.failure } : { record: result.body };
    // Each item gets its own copy: downstream nodes may change one item's json.
    return (0, pairItems_1.pairOutcomes)(this, Array.from({ length: itemCount }, () => outcome), {
        shape: (record) => [(0, n8n_workflow_1.deepCopy)(record)],
    });
}
