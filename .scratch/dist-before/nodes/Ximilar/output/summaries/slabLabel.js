"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.categoryOf = categoryOf;
exports.isSlabLabel = isSlabLabel;
exports.slabColumns = slabColumns;
const read_1 = require("../read");
/**
 * A graded slab's label comes back as its own `_objects` entry named "Slab Label", its
 * Category per grading company ("Slab Label/PSA") (S2, S3). The keys holding grade and
 * certificate number are unverified: third-party code reads `_tags.Company`,
 * `best_match.grade_value` and `best_match.certificate_number` (S24), so the candidates
 * of both known parsers are read, first found wins.
 */
const tagName = (object, feature) => (0, read_1.str)((0, read_1.objects)((0, read_1.obj)(object._tags)[feature])[0]?.name);
function categoryOf(object) {
    return tagName(object, 'Category') ?? (0, read_1.str)(object.Category);
}
function isSlabLabel(object) {
    return object.name === 'Slab Label' || (categoryOf(object) ?? '').startsWith('Slab Label');
}
function slabColumns(slab) {
    const match = (0, read_1.obj)((0, read_1.obj)(slab?._identification).best_match);
    const fromCategory = /^Slab Label\/(.+)$/.exec(slab ? (categoryOf(slab) ?? '') : '')?.[1] ?? null;
    return {
        slab_company: (slab ? tagName(slab, 'Company') : null) ??
            (0, read_1.str)((0, read_1.firstOf)(match, ['grade_company', 'grading_company', 'grader', 'company'])) ??
            fromCategory,
        slab_grade: (0, read_1.firstOf)(match, ['grade_value', 'grade']) ?? (slab ? tagName(slab, 'Grade') : null),
        slab_certificate: (0, read_1.str)((0, read_1.firstOf)(match, ['certificate_number', 'cert_number', 'cert'])),
    };
}
