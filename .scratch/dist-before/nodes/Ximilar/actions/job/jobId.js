"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readJobId = readJobId;
const itemFailure_1 = require("../../failures/itemFailure");
const jsonObject_1 = require("../../records/jsonObject");
/** Item i's Job ID, checked before any request. */
function readJobId(ctx, itemIndex) {
    const jobId = (0, jsonObject_1.textParameter)(ctx.getNodeParameter('jobId', itemIndex, ''));
    if (!jobId)
        return { failure: (0, itemFailure_1.inputFailure)('Job ID is empty', 'Map the jobId field a Grade Card or Upscale operation output.') };
    if (/[\s/?#]/.test(jobId))
        return { failure: (0, itemFailure_1.inputFailure)(`"${jobId.slice(0, 80)}" is not a job ID`, 'A job ID looks like 3f1c2a4e-8d2b-4a57-9a0e-2b4c1f0d9e11.') };
    return { jobId };
}
