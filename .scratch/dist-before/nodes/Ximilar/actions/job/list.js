"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listJobs = listJobs;
const itemFailure_1 = require("../../failures/itemFailure");
const settings_1 = require("../../execution/settings");
const jobApi_1 = require("../../jobs/jobApi");
const pairItems_1 = require("../../output/pairItems");
const request_1 = require("../../transport/request");
const eachItem_1 = require("./eachItem");
/** Pages are read one after another until the limit, or until Ximilar says there is no `next`. */
const MAX_PAGES = 1000;
/** Job > List: the account's jobs (Django REST pages `{count, next, results}`), one output per job. */
async function listJobs() {
    const read = (0, settings_1.readSettings)(this);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(this, read.failure);
    const { settings } = read;
    const connection = await (0, request_1.getConnection)(this);
    const outcomes = await (0, eachItem_1.forEachItem)(this, 1, async (itemIndex) => {
        const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
        const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
        if (!(limit >= 1))
            return { failure: (0, itemFailure_1.inputFailure)(`Limit must be 1 or more (got ${limit})`) };
        const filters = this.getNodeParameter('filters', itemIndex, {});
        const jobs = [];
        for (let page = 1; page <= MAX_PAGES && jobs.length < limit; page++) {
            const qs = { page, ...(filters.type ? { type: filters.type } : {}), ...(filters.status ? { status: filters.status } : {}) };
            const reply = await (0, jobApi_1.listJobsPage)(this, connection, qs, settings.policy);
            if ('failure' in reply) {
                // Django REST answers 404 for a page past the end: the list is complete.
                if (reply.failure.statusCode === 404 && page > 1)
                    break;
                return reply;
            }
            const results = Array.isArray(reply.body.results) ? reply.body.results : [];
            jobs.push(...results);
            if (!reply.body.next || results.length === 0)
                break;
        }
        return { record: { jobs: jobs.slice(0, limit) } };
    });
    return (0, pairItems_1.pairOutcomes)(this, outcomes, {
        shape: (record) => record.jobs.map(({ id, ...rest }) => ({ jobId: id, ...rest })),
    });
}
