"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_POLL_MS = exports.FIRST_POLL_MS = void 0;
exports.pollDelay = pollDelay;
exports.waitForJob = waitForJob;
const n8n_workflow_1 = require("n8n-workflow");
const jobApi_1 = require("./jobApi");
const jobState_1 = require("./jobState");
/** Polling starts after a second and slows down by half each time, up to 15 s between polls. */
exports.FIRST_POLL_MS = 1000;
exports.MAX_POLL_MS = 15_000;
function pollDelay(poll) {
    return Math.min(exports.FIRST_POLL_MS * 1.5 ** poll, exports.MAX_POLL_MS);
}
/**
 * Polls a job's status until it leaves CREATED/PROCESSING or `waitMs` has passed, then
 * reads the whole job (with `response`). Status reads are cheap GETs: nothing is billed.
 */
async function waitForJob(ctx, connection, jobId, options) {
    const deadline = Date.now() + options.waitMs;
    let status = 'CREATED';
    for (let poll = 0; (0, jobState_1.jobPhase)(status) === 'pending'; poll++) {
        const left = deadline - Date.now();
        if (left <= 0) {
            return {
                failure: {
                    kind: 'api',
                    message: `Ximilar job ${jobId} was not done within ${Math.round(options.waitMs / 1000)} s (status ${String(status)})`,
                    description: `The job keeps running at Ximilar and is billed once. Get its result later with Job > Get and the job ID ${jobId}, or raise "Wait Timeout".`,
                },
            };
        }
        await (0, n8n_workflow_1.sleepWithAbort)(Math.min(pollDelay(poll), left), options.signal);
        const reply = await (0, jobApi_1.getJobStatus)(ctx, connection, jobId, options.policy);
        if ('failure' in reply)
            return { failure: { ...reply.failure, message: `Job ${jobId}: ${reply.failure.message}` } };
        status = reply.body.status;
    }
    const reply = await (0, jobApi_1.getJob)(ctx, connection, jobId, options.policy);
    if ('failure' in reply)
        return { failure: { ...reply.failure, message: `Job ${jobId}: ${reply.failure.message}` } };
    return { job: reply.body };
}
