"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getJobResult = getJobResult;
const settings_1 = require("../../execution/settings");
const downloadImages_1 = require("../../jobs/downloadImages");
const jobApi_1 = require("../../jobs/jobApi");
const jobOperation_1 = require("../../jobs/jobOperation");
const jobState_1 = require("../../jobs/jobState");
const pairItems_1 = require("../../output/pairItems");
const jsonObject_1 = require("../../records/jsonObject");
const request_1 = require("../../transport/request");
const eachItem_1 = require("./eachItem");
const jobId_1 = require("./jobId");
/** Job > Get: the result of a job, one output per image, as Grade Card or Upscale would output it. */
async function getJobResult() {
    const read = (0, settings_1.readSettings)(this);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(this, read.failure);
    const { settings } = read;
    const connection = await (0, request_1.getConnection)(this);
    const outcomes = await (0, eachItem_1.forEachItem)(this, settings.parallel, async (itemIndex) => {
        const id = (0, jobId_1.readJobId)(this, itemIndex);
        if ('failure' in id)
            return id;
        const reply = await (0, jobApi_1.getJob)(this, connection, id.jobId, settings.policy);
        if ('failure' in reply)
            return reply;
        const result = (0, jobState_1.jobRecords)(reply.body, id.jobId);
        if ('failure' in result)
            return result;
        const { type, endpoint, status } = reply.body;
        return { record: { jobId: id.jobId, status, type, endpoint, records: result.records } };
    });
    const images = this.getNodeParameter('downloadResultImage', 0, false) === true
        ? await (0, downloadImages_1.downloadResultImages)(this, outcomes, {
            property: (0, jsonObject_1.textParameter)(this.getNodeParameter('resultBinaryProperty', 0, 'data')) || 'data',
            suffix: 'result',
            baseName: (itemIndex, position) => `${readJobIdText(this, itemIndex)}${position ? '-back' : ''}`,
            parallel: settings.parallel,
            timeoutMs: settings.policy.timeoutMs,
        })
        : undefined;
    return (0, jobOperation_1.pairJobOutcomes)(this, outcomes, settings.options.output === 'raw', false, images);
}
function readJobIdText(ctx, itemIndex) {
    const id = (0, jobId_1.readJobId)(ctx, itemIndex);
    return 'jobId' in id ? id.jobId : `job-${itemIndex}`;
}
