"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runJobs = runJobs;
const jobApi_1 = require("./jobApi");
const jobState_1 = require("./jobState");
const waitForJob_1 = require("./waitForJob");
/**
 * What an item's job came to. Submit and webhook modes: `{jobId, status, type, endpoint}`.
 * Wait mode: the same plus `records`, the records Ximilar returned for the item's images.
 */
async function runJobs(ctx, connection, run) {
    const outcomes = new Array(run.itemCount);
    let next = 0;
    let failed = false;
    const runItem = async (itemIndex) => {
        let prepared;
        try {
            prepared = await run.prepare(itemIndex);
        }
        catch (error) {
            return { failure: { kind: 'input', message: error.message } };
        }
        if ('failure' in prepared)
            return prepared;
        const submitted = await (0, jobApi_1.submitJob)(ctx, connection, prepared.body, run.policy, run.signal);
        if ('failure' in submitted)
            return submitted;
        const jobId = String(submitted.body.id ?? '');
        if (!jobId) {
            return { failure: { kind: 'api', message: 'Ximilar accepted the job but sent no job ID', description: 'Look for it with Job > List.' } };
        }
        const summary = {
            jobId,
            status: submitted.body.status ?? null,
            type: prepared.body.type,
            endpoint: prepared.body.endpoint,
        };
        if (run.mode !== 'wait')
            return { record: summary };
        const waited = await (0, waitForJob_1.waitForJob)(ctx, connection, jobId, { policy: run.policy, waitMs: run.waitMs, signal: run.signal });
        if ('failure' in waited)
            return waited;
        const result = (0, jobState_1.jobRecords)(waited.job, jobId);
        if ('failure' in result)
            return result;
        return { record: { ...summary, status: waited.job.status, records: result.records } };
    };
    // Workers take the next item when their job is finished: at most `parallel` jobs at once.
    const worker = async () => {
        while (next < run.itemCount && !(run.stopOnFailure && failed)) {
            const itemIndex = next++;
            const outcome = await runItem(itemIndex);
            outcomes[itemIndex] = outcome;
            if ('failure' in outcome)
                failed = true;
        }
    };
    const workers = Math.max(1, Math.min(run.parallel, run.itemCount));
    await Promise.all(Array.from({ length: workers }, worker));
    return outcomes;
}
