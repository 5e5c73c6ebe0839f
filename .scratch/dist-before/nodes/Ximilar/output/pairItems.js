"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pairFailureForAll = pairFailureForAll;
exports.pairOutcomes = pairOutcomes;
const n8nError_1 = require("../failures/n8nError");
const agentAnswer_1 = require("./agentAnswer");
/** Every item fails the same way (a node-level setting is wrong), paired as any other failure. */
function pairFailureForAll(ctx, failure) {
    const outcomes = ctx.getInputData().map(() => ({ failure }));
    return pairOutcomes(ctx, outcomes, { shape: () => [] });
}
const NOT_PROCESSED = {
    kind: 'input',
    message: 'not processed, because an earlier item failed',
};
const STOPPED = {
    kind: 'input',
    message: 'not sent, because the execution was stopped',
    description: 'Run the workflow again to process this item.',
};
/**
 * The one place outputs are made: every input item gets its outputs at its own position,
 * each paired to it. Without Continue On Fail the first failed item (lowest index) is
 * thrown, naming the item; with it (or when the execution was stopped), each failed item
 * becomes an error item paired to its input, sent to the error output when the node is
 * set to "Continue (using error output)".
 */
function pairOutcomes(ctx, outcomes, options) {
    if ((0, agentAnswer_1.isToolCall)(ctx))
        return (0, agentAnswer_1.agentOutputs)(outcomes, options.shape, NOT_PROCESSED);
    const node = ctx.getNode();
    // Items left without an outcome were skipped after a failure, or when the execution was
    // stopped. A stopped run throws nothing (n8n shows it as stopped, not as failed): each
    // item not sent says so.
    const stopped = ctx.getExecutionCancelSignal?.()?.aborted === true;
    const missing = stopped ? STOPPED : NOT_PROCESSED;
    if (!ctx.continueOnFail() && !stopped) {
        const firstFailed = outcomes.findIndex((outcome) => outcome !== undefined && 'failure' in outcome);
        const firstMissing = Array.from(outcomes.keys()).find((index) => outcomes[index] === undefined);
        if (firstFailed >= 0) {
            throw (0, n8nError_1.failureToError)(node, outcomes[firstFailed].failure, firstFailed);
        }
        if (firstMissing !== undefined)
            throw (0, n8nError_1.failureToError)(node, missing, firstMissing);
    }
    const toErrorOutput = node.onError === 'continueErrorOutput';
    const inputs = ctx.getInputData();
    const output = [];
    // A plain loop: outcomes may have holes (items never reached), which forEach would skip.
    for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
        const outcome = outcomes[itemIndex];
        const pairedItem = { item: itemIndex };
        if (!outcome || 'failure' in outcome) {
            const failure = outcome?.failure ?? missing;
            // n8n sends an item to the error output when its json is { error, message } (and
            // merges in the input item's fields); an item carrying `.error` would have its json
            // cut to { error } instead. The regular output gets every detail.
            const errorItem = {
                json: toErrorOutput ? (0, n8nError_1.failureToErrorOutputJson)(failure, itemIndex) : (0, n8nError_1.failureToJson)(failure, itemIndex),
                pairedItem,
            };
            output.push(errorItem);
            continue;
        }
        const inputBinary = options.includeBinary ? inputs[itemIndex]?.binary : undefined;
        options.shape(outcome.record, itemIndex).forEach((json, position) => {
            const made = options.binaryFor?.(itemIndex, position);
            const binary = made || inputBinary ? { ...inputBinary, ...made } : undefined;
            output.push(binary ? { json, binary, pairedItem } : { json, pairedItem });
        });
    }
    return output;
}
