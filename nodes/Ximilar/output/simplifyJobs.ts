import type { IDataObject } from 'n8n-workflow';

import { jobSummary, RESULT_IMAGE_KEYS, type JobSummary } from '../catalog/asyncServices';
import { isObject, num, obj, objects, str } from '../json/read';
import { simplifyRecord } from './simplify';

/**
 * Simplified rows for async job results: card grading and upscaling one flat row per
 * submitted image; collectibles-recognition and flows jobs as their synchronous answers are
 * summarised (one row per card with Analyze All Cards). Fields are read defensively; a
 * missing one is null.
 */

type Obj = IDataObject;

/** First tag name of a feature in a `_tags` map: `{Side: [{name: 'front'}]}` -> 'front'. */
function tagName(tags: unknown, feature: string): string | null {
	if (!isObject(tags)) return null;
	return str(objects(tags[feature])[0]?.name);
}

/** The first result image URL of a record, if it has one. */
export function resultImageUrl(record: Obj): string | null {
	for (const key of RESULT_IMAGE_KEYS) {
		const value = record[key];
		if (typeof value === 'string' && /^https?:\/\//i.test(value)) return value;
	}
	return null;
}

/** Card grading: final grade, sub-grades, centering ratios, condition and side (docs/ximilar-api.md §5). */
export function simplifyGrading(record: Obj): Obj {
	const grades = obj(record.grades);
	const card = objects(record.card)[0] ?? {};
	const object = objects(record._objects)[0] ?? {};
	const centering = obj(card.centering);
	const surface = obj(card.surface);
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
export function simplifyUpscale(record: Obj): Obj {
	return {
		_id: record._id ?? null,
		image_url: resultImageUrl(record),
		original_width: num(record._width),
		original_height: num(record._height),
	};
}

/** What a job is, as far as its rows need: its type and endpoint, and the flags its answer echoes (e.g. `pricing: true`). */
export interface JobKind {
	type?: unknown;
	endpoint?: unknown;
	flags?: Obj;
}

/**
 * The summary of a record whose job type is not known (a callback carries none): grading
 * fields, an upscaled image, identified cards, a flow's labels and tags, else the image URL.
 */
function summaryByShape(record: Obj): JobSummary {
	const found = objects(record._objects);
	if ('grades' in record || 'card' in record || 'corners' in record || found.some((o) => 'Condition' in o)) return 'grading';
	if ('_upscaled_image_url' in record) return 'upscale';
	if ('_identification' in record || found.some((o) => '_identification' in o)) return 'collectible';
	if (['best_label', 'labels', '_tags', '_tags_simple'].some((key) => key in record) || found.length > 0) return 'flow';
	return 'upscale';
}

/** How one record of a job is summarised: by the job's type and endpoint, else by the record's shape. */
export function jobRecordSummary(record: Obj, kind: JobKind = {}): JobSummary {
	return jobSummary(kind.type, kind.endpoint) ?? summaryByShape(record);
}

/** The rows of one record of a job, chosen by the job's type and endpoint, else by the record's shape. */
export function simplifyJobRecord(record: Obj, kind: JobKind = {}): Obj[] {
	const summary = jobRecordSummary(record, kind);
	if (summary === 'grading') return [simplifyGrading(record)];
	if (summary === 'upscale') return [simplifyUpscale(record)];
	return simplifyRecord(summary, record, kind.flags ?? {});
}
