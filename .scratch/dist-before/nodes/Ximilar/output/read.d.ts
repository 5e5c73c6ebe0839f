import type { IDataObject } from 'n8n-workflow';
/**
 * Defensive readers for Ximilar's records: a missing or oddly typed field becomes null
 * (or an empty list), never an error. Numbers stay numbers, so a spreadsheet can sum them.
 */
export declare const isObj: (value: unknown) => value is IDataObject;
export declare const list: (value: unknown) => unknown[];
export declare const objects: (value: unknown) => IDataObject[];
export declare const obj: (value: unknown) => IDataObject;
/** A text; numbers become text (card numbers like 4 or "4/102" are labels, not amounts). */
export declare const str: (value: unknown) => string | null;
export declare const num: (value: unknown) => number | null;
/** A plain value as it came (a year may be 1999 or "1999"): strings, numbers and booleans only. */
export declare const scalar: (value: unknown) => string | number | boolean | null;
/** The first of several candidate keys that holds a plain value (for fields whose name is unverified). */
export declare function firstOf(source: IDataObject, keys: string[]): string | number | boolean | null;
export declare const round2: (value: number | null) => number | null;
