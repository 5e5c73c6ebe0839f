"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upkeepSender = upkeepSender;
const matchById_1 = require("../../execution/matchById");
const sendRecords_1 = require("../../execution/sendRecords");
const request_1 = require("../../transport/request");
/**
 * Sends a batch of collection records and matches the answer to them by `_id`, so a
 * partial answer (some inserted, a duplicate, capacity reached, not found) fails only the
 * records concerned. The ids are taken before the records are emptied for memory.
 */
function upkeepSender(ctx, connection, policy, operation) {
    return async ({ path, headers, fields }, records) => {
        const ids = records.map((record) => String(record._id));
        const body = (0, sendRecords_1.recordsBody)(fields ?? {}, records);
        records.length = 0;
        const call = { method: 'POST', path, body, headers, partialAnswers: true };
        const result = await (0, request_1.requestXimilar)(ctx, connection, call, policy);
        if (!('body' in result))
            return result;
        return { outcomes: (0, matchById_1.matchById)(ids, result.body, operation) };
    };
}
