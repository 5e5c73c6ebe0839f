import type { IDataObject } from 'n8n-workflow';

/**
 * The one place JSON from Ximilar (or from a callback) is checked for its shape. Readers
 * are defensive: a missing or oddly typed field becomes null (or an empty list), never an
 * error. Numbers stay numbers, so a spreadsheet can sum them.
 */

/** A JSON object: not null, not a list. */
export const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The objects of a list, anything else in it skipped. */
export const objects = (value: unknown): IDataObject[] => list(value).filter(isObject);

export const obj = (value: unknown): IDataObject => (isObject(value) ? value : {});

/** A text; numbers become text (card numbers like 4 or "4/102" are labels, not amounts). */
export const str = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

export const num = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

/** A plain value as it came (a year may be 1999 or "1999"): strings, numbers and booleans only. */
export const scalar = (value: unknown): string | number | boolean | null =>
	typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

/** The first of several candidate keys that holds a plain value (for fields whose name is unverified). */
export function firstOf(source: IDataObject, keys: string[]): string | number | boolean | null {
	for (const key of keys) {
		const value = scalar(source[key]);
		if (value !== null) return value;
	}
	return null;
}

export const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

/** Whether a JSON value nests deeper than `limit` objects or lists; walked without recursion, so any depth is safe to ask about. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
	const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
	while (stack.length > 0) {
		const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
		if (typeof current !== 'object' || current === null) continue;
		if (depth >= limit) return true;
		for (const child of Array.isArray(current) ? current : Object.values(current)) {
			if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
		}
	}
	return false;
}
