"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callbackItems = callbackItems;
const jobState_1 = require("../Ximilar/jobs/jobState");
const simplify_1 = require("../Ximilar/output/simplify");
const simplifyJobs_1 = require("../Ximilar/output/simplifyJobs");
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * Ximilar's callback `{id, status, response}` (shapes section 2) as items: one per record of
 * `response.records`, each with the job ID and status; a job without records gives one item
 * saying so, so that a failed job is seen rather than lost.
 */
function callbackItems(body, raw) {
    const payload = isObject(body) ? body : {};
    const common = { jobId: payload.id ?? null, jobStatus: payload.status ?? null };
    const response = isObject(payload.response) ? payload.response : {};
    const records = Array.isArray(response.records) ? response.records.filter(isObject) : [];
    if (records.length === 0) {
        return [{ json: { ...common, error: `The job came back with status ${String(payload.status)} and no records` } }];
    }
    return records.map((record) => {
        const failed = (0, jobState_1.recordFailureText)(record);
        if (failed)
            return { json: { ...common, _id: record._id ?? null, error: `Ximilar could not process this image: ${failed}` } };
        return { json: { ...common, ...(raw ? (0, simplify_1.rawRecord)(record) : (0, simplifyJobs_1.simplifyJobRecord)(record)) } };
    });
}
