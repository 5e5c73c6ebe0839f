"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jobPhase = jobPhase;
exports.recordFailureText = recordFailureText;
exports.jobRecords = jobRecords;
const asyncServices_1 = require("../catalog/asyncServices");
/** DONE is the end; CREATED/PROCESSING (and queue words some clients see) mean wait; anything else failed. */
function jobPhase(status) {
    const word = typeof status === 'string' ? status.toUpperCase() : '';
    if (word === asyncServices_1.JOB_DONE_STATE)
        return 'done';
    if (asyncServices_1.JOB_PENDING_STATES.includes(word))
        return 'pending';
    return 'failed';
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A record counts as failed when its `_status.code` is not 2xx. */
function recordFailureText(record) {
    const status = record._status;
    if (!isObject(status) || typeof status.code !== 'number')
        return undefined;
    if (status.code >= 200 && status.code < 300)
        return undefined;
    return typeof status.text === 'string' ? status.text : `status ${status.code}`;
}
/** What a finished job gave: its records (from `response.records`), or why there are none. */
function jobRecords(job, jobId) {
    const phase = jobPhase(job.status);
    if (phase === 'failed') {
        return {
            failure: {
                kind: 'api',
                message: `Ximilar job ${jobId} ended with status ${String(job.status)}`,
                description: 'Ximilar could not finish this job. Check the image and the chosen endpoint, then run the item again.',
                statusText: typeof job.status === 'string' ? job.status : undefined,
            },
        };
    }
    const response = job.response;
    const records = isObject(response) ? response.records : undefined;
    if (phase !== 'done' || !Array.isArray(records)) {
        return {
            failure: {
                kind: 'api',
                message: phase === 'done' ? `Ximilar job ${jobId} is done but holds no records` : `Ximilar job ${jobId} is not done yet (status ${String(job.status)})`,
                description: phase === 'done' ? 'Look at the job with Job > Get and Output "Raw".' : 'Fetch it again later with Job > Get.',
            },
        };
    }
    const objects = records.filter(isObject);
    const failed = objects.map(recordFailureText);
    if (objects.length > 0 && failed.every((text) => text !== undefined)) {
        const text = failed[0];
        return {
            failure: {
                kind: 'api',
                message: `Ximilar could not process the image of job ${jobId}: ${text}`,
                description: 'Check that the image shows the whole card (or picture) and is a JPEG, PNG or WEBP.',
                statusCode: objects[0]._status.code,
                statusText: text,
            },
        };
    }
    return { records: objects };
}
