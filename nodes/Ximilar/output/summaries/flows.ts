import type { IDataObject } from 'n8n-workflow';

import { isObject, list, num, obj, objects, str } from '../../json/read';
import { tagsOf } from './tags';

/**
 * A Ximilar Flow's record (docs/ximilar-api.md §12): the labels and tags of the flow's
 * models. Which keys appear depends on the models in the flow [G], so every likely variant
 * is read: `best_label` / `labels` as classification answers them, `_tags` (list or map),
 * `_tags_simple` and `_tags_map` as tagging does, `_objects` as detection does, and the same
 * nested per task, under the task's name or in a list of named results [G].
 */

/** The record's own keys that are not a task's result. */
const OWN_KEYS = new Set(['_id', '_url', '_base64', '_file', '_width', '_height', '_status', '_stored_image_id']);
const RESULT_KEYS = ['best_label', 'labels', '_tags', '_tags_simple', '_tags_map', '_objects'];
/** Nested results are looked for this deep, no deeper: a flow is a short chain of models. */
const MAX_DEPTH = 3;

interface TaskResult {
	/** The task's name when the answer nests it, undefined for the record's own fields. */
	task?: string;
	result: IDataObject;
}

const holdsResult = (value: unknown): value is IDataObject => isObject(value) && RESULT_KEYS.some((key) => value[key] !== undefined);

function nameOf(value: IDataObject): string | undefined {
	return str(value.task_name ?? value.task ?? value.name ?? value.flow_node) ?? undefined;
}

/** Every result in the record: its own fields first, then nested ones in the order they come. */
function taskResults(record: IDataObject, task: string | undefined = undefined, depth = 0): TaskResult[] {
	const found: TaskResult[] = holdsResult(record) ? [{ task, result: record }] : [];
	if (depth >= MAX_DEPTH) return found;
	for (const [key, value] of Object.entries(record)) {
		if (OWN_KEYS.has(key) || RESULT_KEYS.includes(key)) continue;
		if (isObject(value)) found.push(...taskResults(value, key, depth + 1));
		else if (Array.isArray(value)) {
			for (const entry of objects(value)) found.push(...taskResults(entry, nameOf(entry) ?? key, depth + 1));
		}
	}
	return found;
}

/** A best label as `{name, prob}` or as a plain name. */
function bestLabel(result: IDataObject): { name: string; prob: number | null } | undefined {
	const best = result.best_label;
	if (typeof best === 'string') return { name: best, prob: null };
	const fromBest = isObject(best) ? str(best.name) : null;
	if (fromBest !== null) return { name: fromBest, prob: num(obj(best).prob) };
	const first = list(result.labels)[0];
	if (typeof first === 'string') return { name: first, prob: null };
	const fromLabels = isObject(first) ? str(first.name) : null;
	return fromLabels === null ? undefined : { name: fromLabels, prob: num(obj(first).prob) };
}

function tagNames(result: IDataObject): string[] {
	const simple = list(result._tags_simple).map(str).filter((name): name is string => name !== null);
	return simple.length ? simple : tagsOf(result._tags).map((tag) => tag.name);
}

function bestTagValues(result: IDataObject): IDataObject {
	if (isObject(result._tags_map)) return result._tags_map;
	const map: IDataObject = {};
	for (const tag of tagsOf(result._tags)) if (tag.feature !== null && map[tag.feature] === undefined) map[tag.feature] = tag.name;
	return map;
}

export function flowRow(record: IDataObject, request: IDataObject = {}): IDataObject {
	const results = taskResults(record);
	const detected = results.flatMap(({ result }) => objects(result._objects));
	const best = results.map(({ task, result }) => ({ task, label: bestLabel(result) })).filter((entry) => entry.label !== undefined);
	const labelMap: IDataObject = {};
	for (const { task, label } of best) if (task !== undefined && labelMap[task] === undefined) labelMap[task] = label!.name;
	const tagMap: IDataObject = {};
	for (const source of [...results.map(({ result }) => result), ...detected]) {
		for (const [feature, value] of Object.entries(bestTagValues(source))) if (tagMap[feature] === undefined) tagMap[feature] = value;
	}
	const row: IDataObject = {
		best_label: best[0]?.label?.name ?? null,
		probability: best[0]?.label?.prob ?? null,
		labels: [...new Set(best.map((entry) => entry.label!.name))],
		label_map: labelMap,
		tags: [...new Set([...results, ...detected.map((result) => ({ result }))].flatMap(({ result }) => tagNames(result)))],
		tag_map: tagMap,
		objects: detected.map((object) => str(object.name)),
		object_count: detected.length,
	};
	if (request.store_images === true || record._stored_image_id !== undefined) row.stored_image_id = str(record._stored_image_id);
	return row;
}
