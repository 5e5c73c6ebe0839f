"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.itemParameter = itemParameter;
const n8n_workflow_1 = require("n8n-workflow");
/**
 * Per-item parameters, read through n8n only when they can differ per item. A value
 * that holds no expression (no string starting with "=") is the same for every item, so
 * it is read once per execution and reused: n8n's getNodeParameter costs about a tenth of
 * a millisecond per call even for a constant, and a run reads several per item.
 */
const cache = new WeakMap();
function holdsExpression(value) {
    if (typeof value === 'string')
        return value.startsWith('=');
    if (Array.isArray(value))
        return value.some(holdsExpression);
    if (typeof value === 'object' && value !== null)
        return Object.values(value).some(holdsExpression);
    return false;
}
/** The raw value of a parameter path such as "options.additionalRequestFields", as saved in the workflow. */
function rawParameter(ctx, name) {
    let value = ctx.getNode().parameters;
    for (const key of name.split('.')) {
        if (typeof value !== 'object' || value === null)
            return undefined;
        value = value[key];
    }
    return value;
}
/** getNodeParameter(name, itemIndex, fallback, options), read once when it holds no expression. */
function itemParameter(ctx, name, itemIndex, fallback, options) {
    if (holdsExpression(rawParameter(ctx, name)))
        return ctx.getNodeParameter(name, itemIndex, fallback, options);
    let values = cache.get(ctx);
    if (!values)
        cache.set(ctx, (values = new Map()));
    const key = `${name}\u0000${JSON.stringify(options ?? null)}\u0000${JSON.stringify(fallback ?? null)}`;
    if (!values.has(key))
        values.set(key, ctx.getNodeParameter(name, itemIndex, fallback, options));
    const value = values.get(key);
    // Callers get their own copy of an object, as n8n hands out.
    return typeof value === 'object' && value !== null ? (0, n8n_workflow_1.deepCopy)(value) : value;
}
