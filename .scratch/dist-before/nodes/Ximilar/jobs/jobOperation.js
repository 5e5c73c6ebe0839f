"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pairJobOutcomes = pairJobOutcomes;
exports.runImageJobs = runImageJobs;
const itemFailure_1 = require("../failures/itemFailure");
const settings_1 = require("../execution/settings");
const pairItems_1 = require("../output/pairItems");
const simplify_1 = require("../output/simplify");
const simplifyJobs_1 = require("../output/simplifyJobs");
const jsonObject_1 = require("../records/jsonObject");
const request_1 = require("../transport/request");
const jobState_1 = require("./jobState");
const downloadImages_1 = require("./downloadImages");
const runJobs_1 = require("./runJobs");
/** The webhook block of a job: Ximilar posts `{id, status, response}` there with these headers. */
function readWebhook(ctx) {
    const endpoint = (0, jsonObject_1.textParameter)(ctx.getNodeParameter('webhookUrl', 0, ''));
    if (!/^https?:\/\/\S+$/i.test(endpoint)) {
        return {
            failure: (0, itemFailure_1.inputFailure)(endpoint ? `Webhook URL "${endpoint.slice(0, 100)}" is not an http(s) URL` : 'Webhook URL is empty', 'Paste the production URL of a Ximilar Trigger node, or use {{ $execution.resumeUrl }} before a Wait node.'),
        };
    }
    const header = (0, jsonObject_1.textParameter)(ctx.getNodeParameter('webhookHeaderName', 0, ''));
    const secret = String(ctx.getNodeParameter('webhookSecret', 0, '') ?? '');
    return { webhook: { endpoint, ...(header && secret ? { headers: { [header]: secret } } : {}) } };
}
/** The name of an item's input image file (or of its URL), for naming the result image. */
function inputFileName(ctx, itemIndex, position) {
    const item = ctx.getInputData()[itemIndex];
    const source = ctx.getNodeParameter('imageSource', itemIndex, 'binary');
    const side = position === 0 ? '' : '-back';
    if (source === 'binary') {
        const parameter = position === 0 ? 'binaryPropertyName' : 'backBinaryPropertyName';
        const property = (0, jsonObject_1.textParameter)(ctx.getNodeParameter(parameter, itemIndex, 'data'));
        const name = item?.binary?.[property]?.fileName;
        if (name)
            return name;
    }
    else if (source === 'url') {
        const parameter = position === 0 ? 'imageUrl' : 'backImageUrl';
        try {
            const segment = new URL((0, jsonObject_1.textParameter)(ctx.getNodeParameter(parameter, itemIndex, ''))).pathname.split('/').pop();
            if (segment)
                return decodeURIComponent(segment);
        }
        catch {
            // fall through to the item number
        }
    }
    return `image-${itemIndex}${side}`;
}
/** Output rows of one item: one per image, failed images (front or back alone) as rows with `error`. */
function jobRows(record, raw) {
    const common = { jobId: record.jobId, jobStatus: record.status };
    const records = record.records;
    if (!records)
        return [{ ...record }];
    return records.map((entry) => {
        const failed = (0, jobState_1.recordFailureText)(entry);
        if (failed)
            return { ...common, _id: entry._id ?? null, error: `Ximilar could not process this image: ${failed}` };
        return { ...common, ...(raw ? (0, simplify_1.rawRecord)(entry) : (0, simplifyJobs_1.simplifyJobRecord)(entry)) };
    });
}
/** Pairs outcomes to outputs: one per image, with its downloaded result image when there is one. */
function pairJobOutcomes(ctx, outcomes, raw, includeBinary, images) {
    return (0, pairItems_1.pairOutcomes)(ctx, outcomes, {
        shape: (record) => jobRows(record, raw),
        includeBinary,
        binaryFor: images ? (itemIndex, position) => images.get(`${itemIndex}:${position}`) : undefined,
    });
}
/**
 * Grade Card and Upscale: one job per item (its images are within the service's per-job
 * limit), at most Parallel Requests jobs at once, then the result as the user chose.
 */
async function runImageJobs(ctx, spec) {
    const read = (0, settings_1.readSettings)(ctx);
    if ('failure' in read)
        return (0, pairItems_1.pairFailureForAll)(ctx, read.failure);
    const { settings } = read;
    const mode = ctx.getNodeParameter('resultMode', 0, 'wait');
    let webhook;
    if (mode === 'webhook') {
        const hook = readWebhook(ctx);
        if ('failure' in hook)
            return (0, pairItems_1.pairFailureForAll)(ctx, hook.failure);
        webhook = hook.webhook;
    }
    const waitSeconds = Number(ctx.getNodeParameter('waitTimeout', 0, 300));
    if (mode === 'wait' && !(waitSeconds > 0)) {
        return (0, pairItems_1.pairFailureForAll)(ctx, (0, itemFailure_1.inputFailure)(`Wait Timeout must be a positive number of seconds (got ${waitSeconds})`));
    }
    const connection = await (0, request_1.getConnection)(ctx);
    const signal = ctx.getExecutionCancelSignal?.();
    const outcomes = await (0, runJobs_1.runJobs)(ctx, connection, {
        itemCount: ctx.getInputData().length,
        prepare: async (itemIndex) => {
            const built = await spec.records(itemIndex);
            if ('failure' in built)
                return built;
            return {
                body: { ...spec.fields, type: spec.type, endpoint: spec.endpoint, records: built.records, ...(webhook ? { webhook } : {}) },
            };
        },
        mode,
        parallel: settings.parallel,
        policy: settings.policy,
        waitMs: waitSeconds * 1000,
        stopOnFailure: !ctx.continueOnFail(),
        signal,
    });
    const download = mode === 'wait' && spec.mayDownload && ctx.getNodeParameter('downloadResultImage', 0, false) === true;
    const images = download
        ? await (0, downloadImages_1.downloadResultImages)(ctx, outcomes, {
            property: (0, jsonObject_1.textParameter)(ctx.getNodeParameter('resultBinaryProperty', 0, 'data')) || 'data',
            suffix: spec.fileSuffix,
            baseName: (itemIndex, position) => inputFileName(ctx, itemIndex, position),
            parallel: settings.parallel,
            timeoutMs: settings.policy.timeoutMs,
        })
        : undefined;
    return pairJobOutcomes(ctx, outcomes, settings.options.output === 'raw', settings.includeBinary, images);
}
