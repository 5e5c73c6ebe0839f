import type { IDataObject } from 'n8n-workflow';

import { RESULT_IMAGE_KEYS } from '../catalog/asyncServices';
import { isObject, num, obj, objects, str } from '../json/read';

/**
 * Simplified rows for async job results (card grading, upscaling): one flat row per
 * submitted image, ready for a spreadsheet. Fields are read defensively; a missing one is null.
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

/** A record of any async job: grading fields when it has them, else the image URL. */
export function simplifyJobRecord(record: Obj): Obj {
	const graded = 'grades' in record || 'card' in record || 'corners' in record || objects(record._objects).some((o) => 'Condition' in o);
	return graded ? simplifyGrading(record) : simplifyUpscale(record);
}
