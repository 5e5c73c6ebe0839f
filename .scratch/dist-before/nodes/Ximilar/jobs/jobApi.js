"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JOBS_PATH = void 0;
exports.submitJob = submitJob;
exports.getJobStatus = getJobStatus;
exports.getJob = getJob;
exports.listJobsPage = listJobsPage;
const n8n_workflow_1 = require("n8n-workflow");
const request_1 = require("../transport/request");
const retryPolicy_1 = require("../transport/retryPolicy");
/** Ximilar's asynchronous request API (shapes section 2). */
exports.JOBS_PATH = '/account/v2/request/';
const jobPath = (jobId) => `${exports.JOBS_PATH}${encodeURIComponent(jobId)}`;
/** A request cut short because the execution was stopped fails its item as stopped, never as a network failure. */
function stoppedAsFailure(result) {
    if (!('cancelled' in result))
        return result;
    return { failure: { kind: 'input', message: 'not sent, because the execution was stopped' } };
}
/**
 * Submits one job. A submit creates work Ximilar bills, so it is never sent again once
 * it may have arrived: one attempt per send, and only a 429 (refused before any work) is
 * tried again, up to the policy's retries. A timeout or a 5xx may mean the job exists:
 * the item fails, saying so, rather than paying twice.
 */
async function submitJob(ctx, connection, body, policy, signal) {
    for (let tryNumber = 1;; tryNumber++) {
        const reply = stoppedAsFailure(await (0, request_1.requestXimilar)(ctx, connection, { method: 'POST', path: exports.JOBS_PATH, body }, { ...policy, maxRetries: 0 }));
        if (!('failure' in reply))
            return reply;
        if (reply.failure.statusCode !== 429 || tryNumber > policy.maxRetries) {
            if (reply.failure.statusCode === 429 || (reply.failure.statusCode ?? 500) < 500)
                return reply;
            const failure = {
                ...reply.failure,
                description: `${reply.failure.description ?? ''} The job may have been created anyway, so it was not sent again (that could bill it twice): look for it with Job > List before running this item again.`.trim(),
            };
            return { failure };
        }
        await (0, n8n_workflow_1.sleepWithAbort)((0, retryPolicy_1.backoffDelay)(tryNumber, Math.random()), signal);
    }
}
/** GET calls read and never bill, so the transport's retries apply. */
async function getJobStatus(ctx, connection, jobId, policy) {
    return stoppedAsFailure(await (0, request_1.requestXimilar)(ctx, connection, { method: 'GET', path: `${jobPath(jobId)}/status` }, policy));
}
async function getJob(ctx, connection, jobId, policy) {
    return stoppedAsFailure(await (0, request_1.requestXimilar)(ctx, connection, { method: 'GET', path: jobPath(jobId) }, policy));
}
async function listJobsPage(ctx, connection, qs, policy) {
    return stoppedAsFailure(await (0, request_1.requestXimilar)(ctx, connection, { method: 'GET', path: exports.JOBS_PATH, qs }, policy));
}
