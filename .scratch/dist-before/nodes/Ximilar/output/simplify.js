"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.confidenceWord = void 0;
exports.rawRecord = rawRecord;
exports.simplifyRecord = simplifyRecord;
const read_1 = require("./read");
const cards_1 = require("./summaries/cards");
const images_1 = require("./summaries/images");
const tags_1 = require("./summaries/tags");
/**
 * Simplified output: flat rows ready for Google Sheets or Airtable, the columns a user came
 * for first and the technical ones (`_id`, `_url`, `status_code`) last. Usually one row per
 * image; card services give one row per card found (analyze_all). Ximilar's fields are read
 * as ximilar-shapes.md documents them; a missing field becomes null, never an error.
 */
var cards_2 = require("./summaries/cards");
Object.defineProperty(exports, "confidenceWord", { enumerable: true, get: function () { return cards_2.confidenceWord; } });
/** The raw record as Ximilar returned it, minus the image data it may echo. */
function rawRecord(record) {
    const { _base64: _omitted, ...rest } = record;
    return rest;
}
const SUMMARIES = {
    tcgCard: (record, request) => (0, cards_1.cardRows)('tcg', record, request),
    sportCard: (record, request) => (0, cards_1.cardRows)('sport', record, request),
    comic: (record, request) => (0, cards_1.cardRows)('comic', record, request),
    collectible: (record, request) => (0, cards_1.cardRows)('auto', record, request),
    slab: cards_1.slabRows,
    tags: tags_1.tagsRow,
    objectTags: tags_1.objectTagsRow,
    metaTags: tags_1.metaTagsRow,
    colors: images_1.colorsRow,
    classification: images_1.classificationRow,
    detection: images_1.detectionRow,
    removeBackground: images_1.removeBackgroundRow,
    ocr: (record) => (0, images_1.ocrRow)(record),
    ocrGpt: (record) => (0, images_1.ocrRow)(record, true),
    raw: rawRecord,
};
/** `_id`, the echoed `_url`, and the record's status as a plain number (no request ids). */
function technicalColumns(record) {
    const tail = { _id: record._id ?? null };
    if (record._url !== undefined)
        tail._url = record._url;
    tail.status_code = (0, read_1.isObj)(record._status) && typeof record._status.code === 'number' ? record._status.code : null;
    return tail;
}
/**
 * The simplified rows of one record. `request` holds the top-level fields sent, so that
 * e.g. price columns are there for every row once prices were asked for.
 */
function simplifyRecord(kind, record, request = {}) {
    if (kind === 'raw')
        return [rawRecord(record)];
    const summary = SUMMARIES[kind](record, request);
    const rows = Array.isArray(summary) ? summary : [summary];
    const tail = technicalColumns(record);
    return rows.map((row) => ({ ...row, ...tail }));
}
