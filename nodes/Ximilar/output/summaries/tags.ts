import type { IDataObject } from 'n8n-workflow';

import { isObject, list, obj, objects, str } from '../../json/read';

/**
 * Tags come in two shapes (docs/ximilar-api.md §6): photo tags send `_tags` as a LIST of
 * `{name, prob}` (S18, third-party but validated against live answers; in simple mode the
 * entries may lack `prob` or be plain names [G]); fashion and home decor send a MAP of
 * feature -> list (S4), with `_tags_simple` and `_tags_map` beside it (S21). Both are read.
 */

interface Tag {
	feature: string | null;
	name: string;
	prob: number | null;
}

function tagEntry(value: unknown, feature: string | null): Tag | undefined {
	if (typeof value === 'string') return { feature, name: value, prob: null };
	if (!isObject(value)) return undefined;
	const name = str(value.name);
	return name === null ? undefined : { feature, name, prob: typeof value.prob === 'number' ? value.prob : null };
}

export function tagsOf(value: unknown): Tag[] {
	if (Array.isArray(value)) return value.map((entry) => tagEntry(entry, null)).filter((tag): tag is Tag => !!tag);
	return Object.entries(obj(value)).flatMap(([feature, entries]) =>
		list(entries)
			.map((entry) => tagEntry(entry, feature))
			.filter((tag): tag is Tag => !!tag),
	);
}

/** Best value per feature: `_tags_map` when sent, else the first entry of each feature in `_tags`. */
function tagMap(thing: IDataObject, tags: Tag[]): IDataObject {
	if (isObject(thing._tags_map)) return thing._tags_map;
	const map: IDataObject = {};
	for (const tag of tags) if (tag.feature !== null && map[tag.feature] === undefined) map[tag.feature] = tag.name;
	return map;
}

function names(thing: IDataObject, tags: Tag[]): string[] {
	const simple = list(thing._tags_simple).map(str).filter((name): name is string => name !== null);
	if (simple.length) return simple;
	// A list (photo tags) is ordered by probability already; keep Ximilar's order.
	return [...new Set(tags.map((tag) => tag.name))];
}

function summarize(thing: IDataObject, tagsField: unknown): IDataObject {
	const tags = tagsOf(tagsField);
	const map = tagMap(thing, tags);
	// A detected object carries its "Top Category" beside `_tags` (collectibles, S2); fashion puts it inside `_tags` (S4).
	const top =
		tagsOf(thing['Top Category'])[0]?.name ?? str(map['Top Category']) ?? tags.find((tag) => tag.feature === 'Top Category')?.name ?? null;
	const category = str(map.Category ?? map.category) ?? tags.find((tag) => tag.feature === 'Category')?.name ?? null;
	const tagNames = names(thing, tags);
	return {
		// Photo tags have no categories: their most likely tag stands in, so the column is never empty.
		top_category: top ?? category ?? tagNames[0] ?? null,
		category,
		tags: tagNames,
		tag_map: map,
	};
}

export function tagsRow(record: IDataObject): IDataObject {
	return summarize(record, record._tags);
}

/**
 * Detection and tags: the objects found and all their tags in one row, and each object's own
 * tags in `object_tags` (its name, categories, tag names and best value per feature), so the
 * colour of each detected item is not lost in the merged list.
 */
export function objectTagsRow(record: IDataObject): IDataObject {
	const found = objects(record._objects);
	const perObject = found.map((object) => summarize(object, object._tags));
	const names = found.map((object, index) => str(object.name) ?? perObject[index].category ?? perObject[index].top_category);
	return {
		top_category: perObject[0]?.top_category ?? null,
		objects: names,
		tags: [...new Set(perObject.flatMap((summary) => summary.tags as string[]))],
		object_count: found.length,
		object_tags: perObject.map((summary, index) => ({ name: names[index], ...summary })),
	};
}

/** Fashion `meta` answers `_tags_meta_simple` (S4 README); a `_tags_meta` map beside it is read too [G]. */
export function metaTagsRow(record: IDataObject): IDataObject {
	const tags = tagsOf(record._tags_meta);
	const simple = list(record._tags_meta_simple).map(str).filter((name): name is string => name !== null);
	const map = tagMap({}, tags);
	return { meta_tags: simple.length ? simple : [...new Set(tags.map((tag) => tag.name))], meta_tag_map: map };
}
