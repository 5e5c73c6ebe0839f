import type { IDataObject } from 'n8n-workflow';

import type { JobSummary } from '../catalog/asyncServices';

/**
 * The three outputs a user chooses from, as n8n's own nodes offer them: Simplified (at most
 * 10 fields, the ones users map most), All Columns (the flat spreadsheet row) and Raw
 * (Ximilar's answer as it came).
 */
export type OutputChoice = 'simplified' | 'allColumns' | 'raw';

/** n8n's guideline for a simplified output: at most 10 fields. */
export const SIMPLIFIED_MAX_FIELDS = 10;

/**
 * The fields of a Simplified row, in order, for the row kinds whose All Columns row is wider
 * than 10 fields. Each is a subset of the All Columns row, so a field mapped from one output
 * is there in the other. A kind not listed here has at most 10 columns: Simplified is its
 * whole row. The card kinds share one list: each card kind has only its own names in it
 * (set for trading cards, set_name for sport cards, issue_number and publisher for comics).
 */
const CARD = ['name', 'set', 'set_name', 'issue_number', 'publisher', 'card_number', 'year', 'confidence', 'price', 'currency', 'link', 'card_index', '_id'];
const SLAB = ['slab_company', 'slab_grade', 'slab_certificate', 'name', 'set', 'set_name', 'issue_number', 'card_number', 'confidence', 'price', 'currency', '_id'];
const FLOW = ['best_label', 'probability', 'labels', 'tags', 'tag_map', 'objects', 'object_count', 'stored_image_id', '_id'];
const GRADING = ['_id', 'side', 'final_grade', 'corners', 'edges', 'surface', 'centering', 'condition', 'image_url'];

const SIMPLIFIED_FIELDS: Partial<Record<JobSummary, string[]>> = {
	tcgCard: CARD,
	sportCard: CARD,
	comic: CARD,
	collectible: CARD,
	slab: SLAB,
	flow: FLOW,
	grading: GRADING,
};

/** Whether rows of this kind are wider than a simplified row, so that Simplified and All Columns differ. */
export function hasSimplifiedFields(kind: JobSummary): boolean {
	return SIMPLIFIED_FIELDS[kind] !== undefined;
}

/**
 * The row's fields named in `candidates`, in that order, at most 10: fields past the tenth
 * are left out from the end, `_id` never (it ties the row to the image).
 */
function pick(row: IDataObject, candidates: string[]): IDataObject {
	const keys: string[] = [];
	for (const key of candidates) if (key in row && !keys.includes(key)) keys.push(key);
	while (keys.length > SIMPLIFIED_MAX_FIELDS) {
		const last = keys.map((key) => key !== '_id').lastIndexOf(true);
		keys.splice(last, 1);
	}
	const picked: IDataObject = {};
	for (const key of keys) picked[key] = row[key];
	return picked;
}

/** The simplified fields of a row of this kind: a card row that carries a slab's columns (asked for) leads with them. */
function fieldsOf(kind: JobSummary, row: IDataObject): string[] | undefined {
	const fields = SIMPLIFIED_FIELDS[kind];
	return fields === CARD && 'slab_company' in row ? SLAB : fields;
}

/** The Simplified row of an All Columns row of this kind (the row itself for a kind of 10 fields or fewer). */
export function simplifiedRow(kind: JobSummary, row: IDataObject): IDataObject {
	const fields = fieldsOf(kind, row);
	return fields ? pick(row, fields) : row;
}

/** The Simplified row of a job's image: the job ID first, then the image's own simplified fields. */
export function simplifiedJobRow(kind: JobSummary, row: IDataObject): IDataObject {
	const fields = fieldsOf(kind, row);
	return fields ? pick(row, ['jobId', '_id', ...fields]) : row;
}
