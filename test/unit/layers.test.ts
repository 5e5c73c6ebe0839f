/**
 * The floors of nodes/, written once, top to bottom: a file may import from its own floor
 * or from a floor below it, never from one above. The Ximilar Trigger shares code with the
 * node only through the floors both may use (description and below), never through the
 * node's operations or engines. Every file under nodes/ must stand on a floor, so a new
 * folder has to be placed here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const NODES = path.resolve(__dirname, '../../nodes');

const LAYERS: string[][] = [
	['Ximilar/Ximilar.node.ts', 'XimilarTrigger'],
	['Ximilar/actions', 'Ximilar/methods'],
	['Ximilar/engine'],
	['Ximilar/description'],
	['Ximilar/output'],
	['Ximilar/records'],
	['Ximilar/transport'],
	['Ximilar/failures'],
	['Ximilar/catalog'],
	['Ximilar/json'],
];

/** What the Trigger may use of the node: the floors from this one down. */
const TRIGGER_MAY_USE_FROM = LAYERS.findIndex((floor) => floor.includes('Ximilar/description'));

function layerOf(file: string): number {
	const relative = path.relative(NODES, file).split(path.sep).join('/');
	return LAYERS.findIndex((floor) => floor.some((place) => relative === place || relative.startsWith(`${place}/`)));
}

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return tsFiles(full);
		return name.endsWith('.ts') ? [full] : [];
	});
}

/** The relative modules a source imports or re-exports, resolved to files. */
function importsOf(file: string, source: string): string[] {
	const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gm)].map((match) => match[1]);
	return specifiers.map((specifier) => `${path.resolve(path.dirname(file), specifier)}.ts`);
}

/** Every import of `file` (with this source) that runs up a floor, or out of the Trigger into the node's upper floors. */
function violations(file: string, source: string): string[] {
	const from = layerOf(file);
	const trigger = path.relative(NODES, file).startsWith('XimilarTrigger');
	return importsOf(file, source).flatMap((target) => {
		const to = layerOf(target);
		const name = `${path.relative(NODES, file)} -> ${path.relative(NODES, target)}`;
		if (to < 0) return [`${name}: the target stands on no floor`];
		if (to < from) return [`${name}: runs up from floor ${from} to ${to}`];
		if (trigger && !path.relative(NODES, target).startsWith('XimilarTrigger') && to < TRIGGER_MAY_USE_FROM) {
			return [`${name}: the Trigger reaches into the node's operations or engines`];
		}
		return [];
	});
}

describe('floors of nodes/', () => {
	const files = tsFiles(NODES);

	it('places every file on a floor', () => {
		expect(files.filter((file) => layerOf(file) < 0).map((file) => path.relative(NODES, file))).toEqual([]);
		expect(files.length).toBeGreaterThan(50);
	});

	it('has no import that runs up a floor', () => {
		const found = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')));
		expect(found).toEqual([]);
	});

	it('would see an upward import or a Trigger reaching into an engine', () => {
		const record = path.join(NODES, 'Ximilar/records/imageRecord.ts');
		expect(violations(record, "import { runBatches } from '../engine/batching/runBatches';")).toEqual([
			'Ximilar/records/imageRecord.ts -> Ximilar/engine/batching/runBatches.ts: runs up from floor 5 to 2',
		]);
		const trigger = path.join(NODES, 'XimilarTrigger/XimilarTrigger.node.ts');
		expect(violations(trigger, "import type { Run } from '../Ximilar/engine/run';")).toHaveLength(1);
		expect(violations(trigger, "import { jobRows } from '../Ximilar/output/jobRows';")).toEqual([]);
	});
});
