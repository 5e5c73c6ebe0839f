"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.round2 = exports.scalar = exports.num = exports.str = exports.obj = exports.objects = exports.list = exports.isObj = void 0;
exports.firstOf = firstOf;
/**
 * Defensive readers for Ximilar's records: a missing or oddly typed field becomes null
 * (or an empty list), never an error. Numbers stay numbers, so a spreadsheet can sum them.
 */
const isObj = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
exports.isObj = isObj;
const list = (value) => (Array.isArray(value) ? value : []);
exports.list = list;
const objects = (value) => (0, exports.list)(value).filter(exports.isObj);
exports.objects = objects;
const obj = (value) => ((0, exports.isObj)(value) ? value : {});
exports.obj = obj;
/** A text; numbers become text (card numbers like 4 or "4/102" are labels, not amounts). */
const str = (value) => typeof value === 'string' || typeof value === 'number' ? String(value) : null;
exports.str = str;
const num = (value) => typeof value === 'number' && Number.isFinite(value) ? value : null;
exports.num = num;
/** A plain value as it came (a year may be 1999 or "1999"): strings, numbers and booleans only. */
const scalar = (value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
exports.scalar = scalar;
/** The first of several candidate keys that holds a plain value (for fields whose name is unverified). */
function firstOf(source, keys) {
    for (const key of keys) {
        const value = (0, exports.scalar)(source[key]);
        if (value !== null)
            return value;
    }
    return null;
}
const round2 = (value) => (value === null ? null : Math.round(value * 100) / 100);
exports.round2 = round2;
