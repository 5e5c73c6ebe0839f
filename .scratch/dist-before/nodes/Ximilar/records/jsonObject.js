"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseJsonObject = parseJsonObject;
exports.textParameter = textParameter;
exports.fieldList = fieldList;
const n8n_workflow_1 = require("n8n-workflow");
/**
 * Reads a JSON parameter that must hold an object (Additional Record Fields, Metadata,
 * Filter). n8n hands it over as a string, or as an object when an expression produced one.
 * Returns the object, or a sentence saying what is wrong with it.
 */
function parseJsonObject(value, label) {
    if (value === undefined || value === null || value === '')
        return { value: {} };
    let parsed = value;
    if (typeof value === 'string') {
        const text = value.trim();
        if (text === '')
            return { value: {} };
        try {
            parsed = (0, n8n_workflow_1.jsonParse)(text);
        }
        catch {
            return { problem: `${label} is not valid JSON: write an object such as {"key": "value"}` };
        }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        const kind = Array.isArray(parsed) ? 'a list' : typeof parsed;
        return { problem: `${label} must be a JSON object such as {"key": "value"}, not ${kind}` };
    }
    return { value: parsed };
}
/** A text parameter, trimmed; '' when an expression resolved to nothing (not "undefined"). */
function textParameter(value) {
    return value === undefined || value === null ? '' : String(value).trim();
}
/** "Fields to Return" as a list, `_id` always first. */
function fieldList(value) {
    const fields = String(value ?? '')
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean);
    return fields.includes('_id') ? fields : ['_id', ...fields];
}
