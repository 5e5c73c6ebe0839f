"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.colorsRow = colorsRow;
exports.classificationRow = classificationRow;
exports.detectionRow = detectionRow;
exports.removeBackgroundRow = removeBackgroundRow;
exports.ocrRow = ocrRow;
const read_1 = require("../read");
/** Colours, custom classification and detection, background removal and OCR (ximilar-shapes.md 5-9). */
const toHex = (rgb) => {
    const parts = (0, read_1.list)(rgb);
    if (parts.length !== 3 || !parts.every((part) => typeof part === 'number'))
        return null;
    return `#${parts.map((part) => Math.round(part).toString(16).padStart(2, '0')).join('')}`;
};
/** `_dominant_colors`: hex and names [T S22], rgb [C S12]; hex made from rgb when absent. */
function colorsRow(record) {
    const dominant = (0, read_1.obj)(record._dominant_colors);
    const hexSent = (0, read_1.list)(dominant.rgb_hex_colors ?? dominant.hex_colors).map(read_1.str);
    const hex = hexSent.length ? hexSent : (0, read_1.list)(dominant.rgb_colors).map(toHex);
    const names = (0, read_1.list)(dominant.color_names).map(read_1.str);
    return {
        top_color: names[0] ?? hex[0] ?? null,
        color_names: names,
        colors_hex: hex,
        percentages: (0, read_1.list)(dominant.percentages).map(read_1.num),
    };
}
function classificationRow(record) {
    const best = (0, read_1.obj)(record.best_label);
    return {
        best_label: (0, read_1.str)(best.name),
        probability: (0, read_1.num)(best.prob),
        labels: (0, read_1.objects)(record.labels).map((label) => ({ name: (0, read_1.str)(label.name), prob: (0, read_1.num)(label.prob) })),
    };
}
function detectionRow(record) {
    const found = (0, read_1.objects)(record._objects);
    return {
        objects: found.map((object) => (0, read_1.str)(object.name)),
        object_count: found.length,
        detections: found.map((object) => ({
            name: (0, read_1.str)(object.name),
            prob: (0, read_1.num)(object.prob),
            bound_box: (0, read_1.list)(object.bound_box),
        })),
    };
}
/** `_output_url` (cut-out), `_output_url_mask` (instead of it with binary_mask), `_output_url_whitebg` (S8). */
function removeBackgroundRow(record) {
    return {
        output_url: (0, read_1.str)(record._output_url ?? record.output_url),
        output_url_mask: (0, read_1.str)(record._output_url_mask),
        output_url_whitebg: (0, read_1.str)(record._output_url_whitebg),
    };
}
/** `_ocr.texts[].text` and `_ocr.full_text` (S10, S23); read_gpt's answer at `_gpt.result` [T S23]. */
function ocrRow(record, withAnswer = false) {
    const ocr = (0, read_1.obj)(record._ocr);
    const lines = (0, read_1.objects)(ocr.texts)
        .map((entry) => (0, read_1.str)(entry.text))
        .filter((text) => text !== null);
    const row = {};
    if (withAnswer || record._gpt !== undefined) {
        const gpt = record._gpt;
        row.answer = typeof gpt === 'string' ? gpt : (0, read_1.str)((0, read_1.obj)(gpt).result ?? (0, read_1.obj)(gpt).answer ?? (0, read_1.obj)(gpt).text);
    }
    row.text = (0, read_1.str)(ocr.full_text) ?? (lines.length ? lines.join('\n') : null);
    row.lines = lines;
    row.line_count = lines.length;
    return row;
}
