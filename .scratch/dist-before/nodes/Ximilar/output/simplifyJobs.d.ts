import type { IDataObject } from 'n8n-workflow';
/**
 * Simplified rows for async job results (card grading, upscaling): one flat row per
 * submitted image, ready for a spreadsheet. Fields are read defensively; a missing one is null.
 */
type Obj = IDataObject;
/** The first result image URL of a record, if it has one. */
export declare function resultImageUrl(record: Obj): string | null;
/** Card grading: final grade, sub-grades, centering ratios, condition and side (shapes section 3). */
export declare function simplifyGrading(record: Obj): Obj;
/** Upscaling: the result image URL and the size of the original. */
export declare function simplifyUpscale(record: Obj): Obj;
/** A record of any async job: grading fields when it has them, else the image URL. */
export declare function simplifyJobRecord(record: Obj): Obj;
export {};
