"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runRecordJob = runRecordJob;
const itemFailure_1 = require("../failures/itemFailure");
const batches_1 = require("./batches");
const dispatch_1 = require("./dispatch");
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** What to do about a record Ximilar refused, from its `_status.text`. */
function recordHint(text) {
    if (/download|url/i.test(text))
        return 'Check that the URL is public and links straight to an image file, not a web page.';
    if (/format|decode|image/i.test(text))
        return 'Convert the image to JPEG, PNG or WEBP.';
    if (/not found/i.test(text))
        return 'Check the record ID.';
    return 'See Ximilar\'s text above.';
}
/** A returned record whose `_status.code` is not 2xx failed alone: one bad image does not fail its batch. */
function recordFailure(record) {
    const status = record._status;
    if (!isObject(status) || typeof status.code !== 'number')
        return undefined;
    if (status.code >= 200 && status.code < 300)
        return undefined;
    const text = typeof status.text === 'string' ? status.text : 'no reason given';
    return {
        kind: 'api',
        message: `Ximilar could not process this record: ${text}`,
        description: `${recordHint(text)} Only this item failed; the other items of its request were processed.`,
        statusCode: status.code,
        statusText: text,
        recordId: typeof record._id === 'string' ? record._id : undefined,
    };
}
/** Gives every item of a batch its outcome from the request's result, at the item's own index. */
function settleBatch(batch, result, outcomes) {
    if ('cancelled' in result)
        return;
    if ('failure' in result) {
        batch.itemIndexes.forEach((itemIndex, position) => {
            const recordId = batch.recordIds[position];
            outcomes[itemIndex] = { failure: recordId === undefined ? result.failure : { ...result.failure, recordId } };
        });
        return;
    }
    if ('outcomes' in result) {
        batch.itemIndexes.forEach((itemIndex, position) => (outcomes[itemIndex] = result.outcomes[position]));
        return;
    }
    const sent = batch.itemIndexes.length;
    if (result.records.length !== sent) {
        const failure = {
            kind: 'api',
            message: `Ximilar returned ${result.records.length} records for the ${sent} sent, so results cannot be matched to items`,
            description: 'No result was used for this request, to avoid giving an item another item\'s result.',
        };
        for (const itemIndex of batch.itemIndexes)
            outcomes[itemIndex] = { failure };
        return;
    }
    batch.itemIndexes.forEach((itemIndex, position) => {
        const record = result.records[position];
        const failure = isObject(record)
            ? recordFailure(record)
            : { kind: 'api', message: 'Ximilar returned an empty record' };
        outcomes[itemIndex] = failure ? { failure } : { record };
    });
}
/**
 * Runs a job: items become records in input order, records that share a request target
 * go out in batches within the limits, at most `parallel` requests at a time, and every
 * item gets an outcome at its own index, whatever order the requests finish in. Items
 * left without an outcome were never sent (a failure stopped the job, or the execution
 * was cancelled).
 */
async function runRecordJob(job) {
    const outcomes = new Array(job.itemCount);
    let failed = false;
    const cancelled = () => job.signal?.aborted === true;
    const fail = (itemIndex, failure) => {
        outcomes[itemIndex] = { failure };
        failed = true;
    };
    const prepare = async (itemIndex) => {
        try {
            return await job.prepare(itemIndex);
        }
        catch (error) {
            // An expression that cannot be resolved, for one: kept whole, with its type and description.
            return { failure: (0, itemFailure_1.thrownFailure)(error) };
        }
    };
    const send = async (batch) => {
        try {
            return await job.send(batch.target, batch.records);
        }
        catch (error) {
            if (cancelled())
                return { cancelled: true };
            return { failure: (0, itemFailure_1.thrownFailure)(error, 'api') };
        }
    };
    const batches = (0, batches_1.planBatches)(job.itemCount, prepare, job.limits, fail, () => cancelled() || (job.stopOnFailure && failed));
    const next = async () => {
        if (cancelled())
            return undefined;
        const step = await batches.next();
        return step.done ? undefined : step.value;
    };
    const run = async (batch) => {
        settleBatch(batch, await send(batch), outcomes);
        if (batch.itemIndexes.some((index) => 'failure' in (outcomes[index] ?? {})))
            failed = true;
    };
    await (0, dispatch_1.dispatchBatches)(next, run, job.pacer, Math.max(1, Math.min(job.parallel, job.itemCount)));
    return outcomes;
}
