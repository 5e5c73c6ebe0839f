import type { IDataObject } from 'n8n-workflow';

import type { SummaryKind } from '../catalog/services';
import { isObject } from '../json/read';
import { cardRows, slabRows } from './summaries/cards';
import { flowRow } from './summaries/flows';
import { classificationRow, colorsRow, detectionRow, ocrRow, removeBackgroundRow } from './summaries/images';
import { metaTagsRow, objectTagsRow, tagsRow } from './summaries/tags';
import { simplifiedRow, type OutputChoice } from './simplified';

/**
 * Simplified output: flat rows ready for Google Sheets or Airtable, the columns a user came
 * for first and the technical ones (`_id`, `_url`, `status_code`) last. Usually one row per
 * image; card services give one row per card found (analyze_all). Ximilar's fields are read
 * as docs/ximilar-api.md documents them; a missing field becomes null, never an error.
 */

export { confidenceWord } from './summaries/cards';

/** The raw record as Ximilar returned it, minus the image data it may echo. */
export function rawRecord(record: IDataObject): IDataObject {
	const rest = { ...record };
	delete rest._base64;
	return rest;
}

type Summary = (record: IDataObject, request: IDataObject) => IDataObject | IDataObject[];

const SUMMARIES: Record<SummaryKind, Summary> = {
	tcgCard: (record, request) => cardRows('tcg', record, request),
	sportCard: (record, request) => cardRows('sport', record, request),
	comic: (record, request) => cardRows('comic', record, request),
	collectible: (record, request) => cardRows('auto', record, request),
	slab: slabRows,
	tags: tagsRow,
	objectTags: objectTagsRow,
	metaTags: metaTagsRow,
	colors: colorsRow,
	classification: classificationRow,
	detection: detectionRow,
	removeBackground: removeBackgroundRow,
	ocr: (record) => ocrRow(record),
	ocrGpt: (record) => ocrRow(record, true),
	flow: flowRow,
	raw: rawRecord,
};

/** `_id`, the echoed `_url`, and the record's status as a plain number (no request ids). */
function technicalColumns(record: IDataObject): IDataObject {
	const tail: IDataObject = { _id: record._id ?? null };
	if (record._url !== undefined) tail._url = record._url;
	tail.status_code = isObject(record._status) && typeof record._status.code === 'number' ? record._status.code : null;
	return tail;
}

/**
 * The simplified rows of one record. `request` holds the top-level fields sent, so that
 * e.g. price columns are there for every row once prices were asked for.
 */
export function simplifyRecord(kind: SummaryKind, record: IDataObject, request: IDataObject = {}): IDataObject[] {
	if (kind === 'raw') return [rawRecord(record)];
	const summary = SUMMARIES[kind](record, request);
	const rows = Array.isArray(summary) ? summary : [summary];
	const tail = technicalColumns(record);
	// Every summary builds its rows afresh, so the technical columns are added to them in place
	// (a copy of a 40-column card row per image was a good part of the node's own work).
	for (const row of rows) Object.assign(row, tail);
	return rows;
}

/**
 * The output rows of one record as the user chose them: Raw is Ximilar's record, All Columns
 * the flat rows above, Simplified at most 10 of their fields (output/simplified.ts).
 */
export function shapeRecord(kind: SummaryKind, record: IDataObject, request: IDataObject, choice: OutputChoice): IDataObject[] {
	if (choice === 'raw') return [rawRecord(record)];
	const rows = simplifyRecord(kind, record, request);
	return choice === 'simplified' ? rows.map((row) => simplifiedRow(kind, row)) : rows;
}
