/** What every bench scenario shares: the simulator's latency model, its floor, URL items and the node under test. */
import path from 'node:path';

import type { InputItem } from '../../test/harness/engine';
import { loadPackage } from '../../test/harness/package';

export const LATENCY_MS = 80;
export const PER_RECORD_MS = 5;

/** Latency of one request in the simulator's model. */
export const requestLatency = (records: number) => LATENCY_MS + PER_RECORD_MS * records;

/**
 * The shortest possible wall time: the node's requests (ceil(items / records per request),
 * the last one possibly smaller), each taking the model's latency, on `parallel` lanes
 * with zero overhead. For equal requests this is ceil(requests / parallel) x latency.
 */
export function floorMs(items: number, recordsPerRequest: number, parallel: number): number {
	const sizes: number[] = [];
	for (let left = items; left > 0; left -= recordsPerRequest) sizes.push(Math.min(left, recordsPerRequest));
	const lanes = new Array<number>(Math.min(parallel, sizes.length)).fill(0);
	for (const size of sizes) {
		const lane = lanes.indexOf(Math.min(...lanes));
		lanes[lane] += requestLatency(size);
	}
	return Math.max(0, ...lanes);
}

/** URL items, each its own card; with `distinct`, item i shows picture i % distinct (a sheet whose rows repeat pictures). */
export function urlItems(count: number, distinct = count): InputItem[] {
	return Array.from({ length: count }, (_, i) => ({
		json: { id: `card-${i}`, url: `https://img.example.com/card-${i % distinct}.jpg` },
	}));
}

/** The node class: from dist/, or from another build given as BENCH_DIST (to compare a fix). */
export function nodeClass(): ReturnType<typeof loadPackage>['Ximilar'] {
	const other = process.env.BENCH_DIST;
	if (!other) return loadPackage().Ximilar;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(path.resolve(other, 'nodes/Ximilar/Ximilar.node.js')) as ReturnType<typeof loadPackage>).Ximilar;
}

export const isErrorItem = (item: { json: Record<string, unknown>; error?: unknown }) =>
	item.error !== undefined || typeof item.json.error === 'string';

/** Outcome of a check against a target; pass undefined: not measured in this run. */
export interface Check {
	name: string;
	pass: boolean | undefined;
	detail: string;
}

export const fixed = (value: number, digits = 0) => value.toFixed(digits);
