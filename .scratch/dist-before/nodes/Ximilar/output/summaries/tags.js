"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tagsOf = tagsOf;
exports.tagsRow = tagsRow;
exports.objectTagsRow = objectTagsRow;
exports.metaTagsRow = metaTagsRow;
const read_1 = require("../read");
function tagEntry(value, feature) {
    if (typeof value === 'string')
        return { feature, name: value, prob: null };
    if (!(0, read_1.isObj)(value))
        return undefined;
    const name = (0, read_1.str)(value.name);
    return name === null ? undefined : { feature, name, prob: typeof value.prob === 'number' ? value.prob : null };
}
function tagsOf(value) {
    if (Array.isArray(value))
        return value.map((entry) => tagEntry(entry, null)).filter((tag) => !!tag);
    return Object.entries((0, read_1.obj)(value)).flatMap(([feature, entries]) => (0, read_1.list)(entries)
        .map((entry) => tagEntry(entry, feature))
        .filter((tag) => !!tag));
}
/** Best value per feature: `_tags_map` when sent, else the first entry of each feature in `_tags`. */
function tagMap(thing, tags) {
    if ((0, read_1.isObj)(thing._tags_map))
        return thing._tags_map;
    const map = {};
    for (const tag of tags)
        if (tag.feature !== null && map[tag.feature] === undefined)
            map[tag.feature] = tag.name;
    return map;
}
function names(thing, tags) {
    const simple = (0, read_1.list)(thing._tags_simple).map(read_1.str).filter((name) => name !== null);
    if (simple.length)
        return simple;
    // A list (photo tags) is ordered by probability already; keep Ximilar's order.
    return [...new Set(tags.map((tag) => tag.name))];
}
function summarize(thing, tagsField) {
    const tags = tagsOf(tagsField);
    const map = tagMap(thing, tags);
    const top = (0, read_1.str)(map['Top Category']) ?? tags.find((tag) => tag.feature === 'Top Category')?.name ?? null;
    const category = (0, read_1.str)(map.Category ?? map.category) ?? tags.find((tag) => tag.feature === 'Category')?.name ?? null;
    const tagNames = names(thing, tags);
    return {
        // Photo tags have no categories: their most likely tag stands in, so the column is never empty.
        top_category: top ?? category ?? tagNames[0] ?? null,
        category,
        tags: tagNames,
        tag_map: map,
    };
}
function tagsRow(record) {
    return summarize(record, record._tags);
}
function objectTagsRow(record) {
    const found = (0, read_1.objects)(record._objects);
    const perObject = found.map((object) => summarize(object, object._tags));
    return {
        top_category: perObject[0]?.top_category ?? null,
        objects: found.map((object, index) => (0, read_1.str)(object.name) ?? perObject[index].category ?? perObject[index].top_category),
        tags: [...new Set(perObject.flatMap((summary) => summary.tags))],
        object_count: found.length,
    };
}
/** Fashion `meta` answers `_tags_meta_simple` (S4 README); a `_tags_meta` map beside it is read too [G]. */
function metaTagsRow(record) {
    const tags = tagsOf(record._tags_meta);
    const simple = (0, read_1.list)(record._tags_meta_simple).map(read_1.str).filter((name) => name !== null);
    const map = tagMap({}, tags);
    return { meta_tags: simple.length ? simple : [...new Set(tags.map((tag) => tag.name))], meta_tag_map: map };
}
