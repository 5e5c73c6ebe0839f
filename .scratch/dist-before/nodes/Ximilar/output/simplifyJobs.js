"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resultImageUrl = resultImageUrl;
exports.simplifyGrading = simplifyGrading;
exports.simplifyUpscale = simplifyUpscale;
exports.simplifyJobRecord = simplifyJobRecord;
const asyncServices_1 = require("../catalog/asyncServices");
const isObj = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value) => (Array.isArray(value) ? value.filter(isObj) : []);
const num = (value) => (typeof value === 'number' ? value : null);
const str = (value) => (typeof value === 'string' ? value : null);
/** First tag name of a feature in a `_tags` map: `{Side: [{name: 'front'}]}` -> 'front'. */
function tagName(tags, feature) {
    if (!isObj(tags))
        return null;
    return str(objects(tags[feature])[0]?.name);
}
/** The first result image URL of a record, if it has one. */
function resultImageUrl(record) {
    for (const key of asyncServices_1.RESULT_IMAGE_KEYS) {
        const value = record[key];
        if (typeof value === 'string' && /^https?:\/\//i.test(value))
            return value;
    }
    return null;
}
/** Card grading: final grade, sub-grades, centering ratios, condition and side (shapes section 3). */
function simplifyGrading(record) {
    const grades = isObj(record.grades) ? record.grades : {};
    const card = objects(record.card)[0] ?? {};
    const object = objects(record._objects)[0] ?? {};
    const centering = isObj(card.centering) ? card.centering : {};
    const surface = isObj(card.surface) ? card.surface : {};
    const condition = str(grades.condition) ?? str(objects(object.Condition)[0]?.label);
    const side = tagName(card._tags, 'Side') ?? tagName(object._tags, 'Side') ?? str(record.Side)?.toLowerCase() ?? null;
    return {
        _id: record._id ?? null,
        side,
        final_grade: num(grades.final),
        corners: num(grades.corners),
        edges: num(grades.edges),
        surface: num(grades.surface) ?? num(surface.grade),
        centering: num(grades.centering) ?? num(centering.grade),
        centering_left_right: str(centering['left/right']),
        centering_top_bottom: str(centering['top/bottom']),
        condition,
        image_url: resultImageUrl(record),
    };
}
/** Upscaling: the result image URL and the size of the original. */
function simplifyUpscale(record) {
    return {
        _id: record._id ?? null,
        image_url: resultImageUrl(record),
        original_width: num(record._width),
        original_height: num(record._height),
    };
}
/** A record of any async job: grading fields when it has them, else the image URL. */
function simplifyJobRecord(record) {
    const graded = 'grades' in record || 'card' in record || 'corners' in record || objects(record._objects).some((o) => 'Condition' in o);
    return graded ? simplifyGrading(record) : simplifyUpscale(record);
}
