/**
 * A subset of MongoDB query syntax for visual-search `filter`: field equality, $eq, $ne,
 * $gt, $gte, $lt, $lte, $in, $nin, $exists, and top-level/nested $and, $or, $nor.
 * Array fields match when any element matches, as in MongoDB.
 */
import { isPlainObject } from './util';

export class FilterError extends Error {}

const COMPARE = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists']);

function getPath(doc: Record<string, unknown>, path: string): unknown {
	let cur: unknown = doc;
	for (const key of path.split('.')) {
		if (!isPlainObject(cur)) return undefined;
		cur = cur[key];
	}
	return cur;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Values a field offers for matching: the value itself plus, for arrays, each element. */
const candidates = (v: unknown): unknown[] => (Array.isArray(v) ? [v, ...v] : [v]);

function ordered(a: unknown, b: unknown, op: string): boolean {
	if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
	switch (op) {
		case '$gt': return a > b;
		case '$gte': return a >= b;
		case '$lt': return a < b;
		default: return a <= b;
	}
}

function matchOperators(value: unknown, ops: Record<string, unknown>): boolean {
	// map + every (not every alone) so that every operator is validated, even after a miss
	return Object.entries(ops).map(([op, arg]) => {
		if (!COMPARE.has(op)) throw new FilterError(`Unsupported filter operator ${op}.`);
		const vals = candidates(value);
		switch (op) {
			case '$eq': return vals.some((v) => same(v, arg));
			case '$ne': return !vals.some((v) => same(v, arg));
			case '$in':
			case '$nin': {
				if (!Array.isArray(arg)) throw new FilterError(`Operator ${op} needs a list.`);
				const hit = vals.some((v) => arg.some((a) => same(v, a)));
				return op === '$in' ? hit : !hit;
			}
			case '$exists': return (value !== undefined) === Boolean(arg);
			default: return vals.some((v) => ordered(v, arg, op));
		}
	}).every(Boolean);
}

const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
	isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

export function matchFilter(doc: Record<string, unknown>, filter: Record<string, unknown>): boolean {
	return Object.entries(filter).map(([key, cond]) => {
		if (key === '$and' || key === '$or' || key === '$nor') {
			if (!Array.isArray(cond) || cond.length === 0 || !cond.every(isPlainObject)) {
				throw new FilterError(`Operator ${key} needs a non-empty list of objects.`);
			}
			const results = cond.map((c) => matchFilter(doc, c as Record<string, unknown>));
			if (key === '$and') return results.every(Boolean);
			return key === '$or' ? results.some(Boolean) : !results.some(Boolean);
		}
		if (key.startsWith('$')) throw new FilterError(`Unsupported filter operator ${key}.`);
		const value = getPath(doc, key);
		if (isOperatorObject(cond)) return matchOperators(value, cond);
		return candidates(value).some((v) => same(v, cond));
	}).every(Boolean);
}

/** Throws FilterError on unsupported syntax even when the collection is empty. */
export function validateFilter(filter: unknown): Record<string, unknown> {
	if (!isPlainObject(filter)) throw new FilterError('Field "filter" must be a JSON object.');
	matchFilter({}, filter);
	return filter;
}
