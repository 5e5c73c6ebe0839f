"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.forEachItem = forEachItem;
/** Runs `work` for every item, at most `parallel` at once; each outcome lands at its item's index. */
async function forEachItem(ctx, parallel, work) {
    const count = ctx.getInputData().length;
    const outcomes = new Array(count);
    const stopOnFailure = !ctx.continueOnFail();
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (next < count && !(stopOnFailure && failed)) {
            const itemIndex = next++;
            try {
                outcomes[itemIndex] = await work(itemIndex);
            }
            catch (error) {
                outcomes[itemIndex] = { failure: { kind: 'input', message: error.message } };
            }
            if ('failure' in outcomes[itemIndex])
                failed = true;
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, count)) }, worker));
    return outcomes;
}
