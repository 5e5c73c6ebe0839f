/**
 * Fields to map before any run: n8n's editor shows the next node an output schema from
 * `__schema__/v<version>/<resource>/<operation>.json` beside the node's built file, before the
 * node has run (n8n 2.8.4: GET /schemas/<package>.<node>/1.0.0/<resource>/<operation>.json).
 * Every resource and operation ships one, in the format the editor reads, and each is what
 * runs against the simulator give with the default Output, the union over services, flows,
 * endpoints and job types (test/support/schemaRuns.ts; `npm run schemas` rewrites them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { loadPackage } from './harness/package';
import { useSimulator } from './harness/useSimulator';
import { schemaDifferences, schemaOf, type JsonSchema } from './support/outputSchema';
import { SCHEMA_DIR, schemaRunOutputs } from './support/schemaRuns';
import { schemaTargets } from './support/schemaTargets';

const ctx = useSimulator();
const ROOT = path.resolve(__dirname, '..');
const { Ximilar } = loadPackage();
const node = new Ximilar();
const targets = schemaTargets(node.description);

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
/** Where n8n resolves a schema: beside the node file the package points n8n at, under the node's version as x.y.z. */
const SHIPPED = path.join(ROOT, path.dirname(manifest.n8n.nodes[0]), '__schema__', `v${node.description.version}.0.0`);

const read = (dir: string, resource: string, operation: string): JsonSchema =>
	JSON.parse(readFileSync(path.join(dir, resource, `${operation}.json`), 'utf8')) as JsonSchema;

function jsonFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? jsonFiles(full).map((file) => `${name}/${file}`) : [name];
	});
}

describe('output schemas', () => {
	it('ship one per resource and operation, and no other, beside the built node file where n8n looks', () => {
		expect(targets.length).toBeGreaterThanOrEqual(14);
		const expected = targets.map(({ resource, operation }) => `${resource}/${operation}.json`).sort();
		expect(jsonFiles(path.join(ROOT, SCHEMA_DIR)).sort()).toEqual(expected);
		expect(existsSync(SHIPPED)).toBe(true);
		expect(jsonFiles(SHIPPED).sort()).toEqual(expected);
		for (const { resource, operation } of targets) expect(read(SHIPPED, resource, operation)).toEqual(read(path.join(ROOT, SCHEMA_DIR), resource, operation));
	});

	it('are in the form n8n\'s editor accepts: an object with fields (it drops any other as "Invalid JSON schema")', () => {
		for (const { resource, operation } of targets) {
			const schema = read(SHIPPED, resource, operation);
			expect({ file: `${resource}/${operation}`, type: schema.type, fields: Object.keys(schema.properties ?? {}).length > 0 }).toEqual({
				file: `${resource}/${operation}`,
				type: 'object',
				fields: true,
			});
		}
	});

	it.each(targets.map((target) => [`${target.resource}/${target.operation}`, target] as const))('%s: is what runs against the simulator give', async (_name, target) => {
		const derived = schemaOf(await schemaRunOutputs(ctx.sim, target));
		expect(schemaDifferences(derived, read(path.join(ROOT, SCHEMA_DIR), target.resource, target.operation))).toEqual([]);
	});

	it('would see a wrong schema: a field left out, one too many, another type, a list without its items', () => {
		const right = read(path.join(ROOT, SCHEMA_DIR), 'image', 'recognize');
		const properties = { ...right.properties! };
		delete properties.confidence;
		properties.rarity = { type: 'string' };
		properties.price = { type: 'string' };
		properties.tags = { type: 'array' };
		expect(schemaDifferences(right, { ...right, properties })).toEqual([
			'$.confidence: in the output, not in the schema',
			'$.price: type string, derived number',
			'$.rarity: in the schema, in no output',
			'$.tags[]: items missing',
		]);
	});

	it('show the Simplified fields of a card: what users map most, before any run', () => {
		const fields = Object.keys(read(SHIPPED, 'image', 'recognize').properties!);
		expect(fields).toEqual(expect.arrayContaining(['name', 'set', 'card_number', 'year', 'confidence', 'price', 'currency', 'link', '_id']));
	});
});
