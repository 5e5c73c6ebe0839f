"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readPartialAnswer = readPartialAnswer;
const matchById_1 = require("../execution/matchById");
const responses_1 = require("./responses");
/**
 * Collection insert / update / delete / get may answer with per-record lists and a code
 * saying only some records were taken (211 some inserted, 206 some not found, 411
 * duplicate, 412 capacity, 404 not found: S17 [T]), as the HTTP status or as `status.code`.
 * Such an answer is read record by record (matched by `_id`) instead of failing every item.
 * Returns undefined for anything else, which is then read as usual.
 */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const RECORD_LISTS = ['records', 'skipped_records', 'answer_records'];
function parsed(body) {
    if (typeof body !== 'string')
        return body;
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
function readPartialAnswer(response, secret) {
    const value = parsed(response.body);
    if (!isObject(value) || !RECORD_LISTS.some((key) => Array.isArray(value[key])))
        return undefined;
    const httpOk = response.statusCode >= 200 && response.statusCode < 300;
    const status = value.status;
    const code = httpOk ? (isObject(status) ? status.code : status) : response.statusCode;
    if (typeof code === 'number' && !(code >= 200 && code < 300) && !matchById_1.PARTIAL_ANSWER_CODES.includes(code))
        return undefined;
    const body = (0, responses_1.scrubDeep)(value, secret);
    // The code that made it partial travels in `status`, where the matching reads it.
    if (!httpOk)
        body.status = { ...(isObject(status) ? status : {}), code: response.statusCode };
    return { kind: 'ok', body };
}
