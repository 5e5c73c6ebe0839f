import type { IDataObject } from 'n8n-workflow';

import { firstOf, obj, objects, str } from '../../json/read';

/**
 * A graded slab's label comes back as its own `_objects` entry named "Slab Label", its
 * Category per grading company ("Slab Label/PSA") (docs/ximilar-api.md §3, S2, S3). The keys holding grade and
 * certificate number are unverified: third-party code reads `_tags.Company`,
 * `best_match.grade_value` and `best_match.certificate_number` (S24), so the candidates
 * of both known parsers are read, first found wins.
 */

const tagName = (object: IDataObject, feature: string): string | null =>
	str(objects(obj(object._tags)[feature])[0]?.name);

export function categoryOf(object: IDataObject): string | null {
	return tagName(object, 'Category') ?? str(object.Category);
}

export function isSlabLabel(object: IDataObject): boolean {
	return object.name === 'Slab Label' || (categoryOf(object) ?? '').startsWith('Slab Label');
}

export function slabColumns(slab: IDataObject | undefined): IDataObject {
	const match = obj(obj(slab?._identification).best_match);
	const fromCategory = /^Slab Label\/(.+)$/.exec(slab ? (categoryOf(slab) ?? '') : '')?.[1] ?? null;
	return {
		slab_company:
			(slab ? tagName(slab, 'Company') : null) ??
			str(firstOf(match, ['grade_company', 'grading_company', 'grader', 'company'])) ??
			fromCategory,
		slab_grade: firstOf(match, ['grade_value', 'grade']) ?? (slab ? tagName(slab, 'Grade') : null),
		slab_certificate: str(firstOf(match, ['certificate_number', 'cert_number', 'cert'])),
	};
}
