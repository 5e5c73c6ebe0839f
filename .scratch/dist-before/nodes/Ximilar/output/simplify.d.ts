import type { IDataObject } from 'n8n-workflow';
import type { SummaryKind } from '../catalog/services';
/**
 * Simplified output: flat rows ready for Google Sheets or Airtable, the columns a user came
 * for first and the technical ones (`_id`, `_url`, `status_code`) last. Usually one row per
 * image; card services give one row per card found (analyze_all). Ximilar's fields are read
 * as ximilar-shapes.md documents them; a missing field becomes null, never an error.
 */
export { confidenceWord } from './summaries/cards';
/** The raw record as Ximilar returned it, minus the image data it may echo. */
export declare function rawRecord(record: IDataObject): IDataObject;
/**
 * The simplified rows of one record. `request` holds the top-level fields sent, so that
 * e.g. price columns are there for every row once prices were asked for.
 */
export declare function simplifyRecord(kind: SummaryKind, record: IDataObject, request?: IDataObject): IDataObject[];
