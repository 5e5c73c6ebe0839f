"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getJobStatusOperation = getJobStatusOperation;
const settings_1 = require("../../execution/settings");
const jobApi_1 = require("../../jobs/jobApi");
const pairItems_1 = require("../../output/pairItems");
const request_1 = require("../../transport/request");
const eachItem_1 = require("./eachItem");
const jobId_1 = require("./jobId");
/** Job > Get Status: `{jobId, status}` per item; reading a status costs no credits. */
async function getJobStatusOperation() {
    const read = (0, settings_1.readSettings)(this);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(this, read.failure);
    const { settings } = read;
    const connection = await (0, request_1.getConnection)(this);
    const outcomes = await (0, eachItem_1.forEachItem)(this, settings.parallel, async (itemIndex) => {
        const id = (0, jobId_1.readJobId)(this, itemIndex);
        if ('failure' in id)
            return id;
        const reply = await (0, jobApi_1.getJobStatus)(this, connection, id.jobId, settings.policy);
        if ('failure' in reply)
            return reply;
        return { record: { jobId: id.jobId, status: reply.body.status ?? null } };
    });
    return (0, pairItems_1.pairOutcomes)(this, outcomes, { shape: (record) => [record] });
}
