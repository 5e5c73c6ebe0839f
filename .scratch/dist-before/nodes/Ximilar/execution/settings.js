"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readSettings = readSettings;
const requestOptions_1 = require("../description/requestOptions");
const itemFailure_1 = require("../failures/itemFailure");
const pacer_1 = require("../transport/pacer");
const MB = 1024 * 1024;
/**
 * An option's value, or what is wrong with it. The limits are the ones the UI field
 * shows (its typeOptions), so UI and check cannot disagree; `maxValue` can only be lowered.
 */
function readNumber(options, key, maxValue) {
    const { displayName, default: fallback, typeOptions } = requestOptions_1.REQUEST_OPTIONS[key];
    const { minValue, maxValue: uiMax, numberPrecision } = typeOptions;
    const max = Math.min(uiMax, maxValue ?? uiMax);
    const value = options[key] ?? Math.min(fallback, max);
    const number = Number(value);
    const integer = numberPrecision === undefined;
    if (!Number.isFinite(number) || number < minValue || number > max || (integer && !Number.isInteger(number))) {
        const kind = integer ? 'a whole number' : 'a number';
        return { problem: `${displayName} must be ${kind} from ${minValue} to ${max} (got ${JSON.stringify(value)})` };
    }
    return number;
}
function readSettings(ctx, maxRecords = 10) {
    const options = ctx.getNodeParameter('options', 0, {});
    // Options the user did not add take the defaults shown in the UI.
    const recordsPerRequest = readNumber(options, 'recordsPerRequest', maxRecords);
    const parallel = readNumber(options, 'parallelRequests');
    const sizeMb = readNumber(options, 'maxRequestSizeMb');
    const timeout = readNumber(options, 'timeout');
    const maxRetries = readNumber(options, 'maxRetries');
    const requestsPerMinute = readNumber(options, 'requestsPerMinute');
    for (const value of [recordsPerRequest, parallel, sizeMb, timeout, maxRetries, requestsPerMinute]) {
        if (typeof value !== 'number')
            return { failure: (0, itemFailure_1.inputFailure)(value.problem, 'Fix the value under Options in the node.') };
    }
    return {
        settings: {
            limits: { maxRecords: recordsPerRequest, maxBytes: sizeMb * MB },
            parallel: parallel,
            policy: {
                timeoutMs: timeout * 1000,
                maxRetries: maxRetries,
                retryMayBill: options.retryMayBill === true,
                pacer: new pacer_1.Pacer({
                    max: parallel,
                    adaptive: options.adaptToRateLimits !== false,
                    requestsPerMinute: requestsPerMinute,
                }),
            },
            includeBinary: options.includeInputBinary === true,
            options,
        },
    };
}
