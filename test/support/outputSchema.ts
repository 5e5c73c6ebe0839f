/**
 * Output schemas as n8n's editor reads them (`__schema__/v1.0.0/<resource>/<operation>.json`
 * beside the node file): a small JSON-Schema subset, `{type: 'object', properties}`, of which
 * the editor reads only `type`, `properties` and `items`. A schema is derived from the items
 * an operation gave: every field any item had, with the types it had (null aside), nested
 * objects and lists of them too, in the order they first came. Where items of the same
 * operation differ (services, job types), the schema is their union.
 */
import type { IDataObject } from 'n8n-workflow';

export interface JsonSchema {
	type: string | string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

/** What every value seen at one place was. */
interface Seen {
	types: Set<string>;
	fields: Map<string, Seen>;
	elements?: Seen;
}

const emptySeen = (): Seen => ({ types: new Set(), fields: new Map() });

function typeOf(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'object') return 'object';
	if (typeof value === 'number' || typeof value === 'bigint') return 'number';
	return typeof value;
}

function see(seen: Seen, value: unknown): void {
	const type = typeOf(value);
	seen.types.add(type);
	if (type === 'object') {
		for (const [key, inner] of Object.entries(value as IDataObject)) {
			if (!seen.fields.has(key)) seen.fields.set(key, emptySeen());
			see(seen.fields.get(key)!, inner);
		}
	}
	if (type === 'array') {
		seen.elements ??= emptySeen();
		for (const element of value as unknown[]) see(seen.elements, element);
	}
}

/**
 * Fields whose keys are data, not names the node chose: the features of a tagging taxonomy
 * (tag_map), a flow's task names (label_map). They are objects to the schema, without
 * properties, so that no key one test run happened to give is shown as a field.
 */
const MAPS = ['tag_map', 'meta_tag_map', 'label_map'];

/** A place every item left null (or every list empty) cannot be typed: the runs must fill it once. */
function toSchema(seen: Seen, path: string, untyped: string[]): JsonSchema {
	if (MAPS.includes(path.split('.').pop()!.replace(/\[\]$/, '')) && [...seen.types].every((type) => type === 'object' || type === 'null')) {
		return { type: 'object' };
	}
	const types = [...seen.types].filter((type) => type !== 'null').sort();
	if (types.length === 0) {
		untyped.push(path);
		return { type: 'null' };
	}
	const schema: JsonSchema = { type: types.length === 1 ? types[0] : types };
	if (types.includes('object')) {
		schema.properties = {};
		// In the order the runs first gave them: the default service's Simplified fields lead, as the panel lists them.
		for (const [key, inner] of seen.fields.entries()) {
			schema.properties[key] = toSchema(inner, `${path}.${key}`, untyped);
		}
	}
	if (types.includes('array')) {
		if (!seen.elements || seen.elements.types.size === 0) untyped.push(`${path}[]`);
		else schema.items = toSchema(seen.elements, `${path}[]`, untyped);
	}
	return schema;
}

/** The schema of these output items' json. Throws when a field is never filled: no run shows its type. */
export function schemaOf(rows: IDataObject[]): JsonSchema {
	const seen = emptySeen();
	for (const row of rows) see(seen, row);
	const untyped: string[] = [];
	const schema = toSchema(seen, '$', untyped);
	if (untyped.length) throw new Error(`never filled in any run, so of no known type: ${untyped.join(', ')}`);
	return schema;
}

/** Where two schemas differ, by path: a field only one has, or other types. Empty when they agree. */
export function schemaDifferences(expected: JsonSchema, actual: JsonSchema, path = '$'): string[] {
	const types = (schema: JsonSchema) => [schema.type].flat().join('|');
	const found: string[] = [];
	if (types(expected) !== types(actual)) found.push(`${path}: type ${types(actual)}, derived ${types(expected)}`);
	const keys = new Set([...Object.keys(expected.properties ?? {}), ...Object.keys(actual.properties ?? {})]);
	for (const key of [...keys].sort()) {
		const [want, have] = [expected.properties?.[key], actual.properties?.[key]];
		if (!want) found.push(`${path}.${key}: in the schema, in no output`);
		else if (!have) found.push(`${path}.${key}: in the output, not in the schema`);
		else found.push(...schemaDifferences(want, have, `${path}.${key}`));
	}
	if (expected.items || actual.items) {
		if (!expected.items || !actual.items) found.push(`${path}[]: items ${actual.items ? 'described' : 'missing'}`);
		else found.push(...schemaDifferences(expected.items, actual.items, `${path}[]`));
	}
	return found;
}
