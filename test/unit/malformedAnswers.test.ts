/**
 * No raw crash on a strange answer: every reader of Ximilar's answers and callbacks, fed
 * thousands of JSON values shaped like Ximilar's (the keys it uses, with values of every
 * wrong type, nesting and emptiness), returns rows or a worded failure and never throws.
 * Seeded, so a failing value can be replayed.
 */
import type { IDataObject } from 'n8n-workflow';

import { RECOGNITION_SERVICES, type SummaryKind } from '../../nodes/Ximilar/catalog/services';
import { matchById } from '../../nodes/Ximilar/engine/batching/matchById';
import { jobRecords } from '../../nodes/Ximilar/engine/jobs/jobState';
import { agentRow } from '../../nodes/Ximilar/output/agentAnswer';
import { jobRows } from '../../nodes/Ximilar/output/jobRows';
import { SIMPLIFIED_MAX_FIELDS, type OutputChoice } from '../../nodes/Ximilar/output/simplified';
import { rawRecord, shapeRecord, simplifyRecord } from '../../nodes/Ximilar/output/simplify';
import { readPartialAnswer } from '../../nodes/Ximilar/transport/partialAnswers';
import { readBody } from '../../nodes/Ximilar/transport/responses';
import { callbackItems } from '../../nodes/XimilarTrigger/callbackItems';
import { mulberry32 } from '../simulator/util';

/** Keys Ximilar's answers use (docs/ximilar-api.md), so random values land where readers look. */
const KEYS = [
	'records', '_objects', '_identification', 'best_match', 'alternatives', 'distances', 'pricing', 'list', 'price_stats',
	'value', 'stats_type', '_tags', '_tags_simple', '_tags_map', 'Top Category', 'Category', 'Graded Slab', '_status',
	'code', 'text', 'status', 'id', 'response', 'grades', 'card', 'centering', 'surface', 'corners', 'edges', 'Condition',
	'name', 'prob', 'bound_box', 'links', 'year', 'card_number', 'set', 'labels', 'best_label', '_dominant_colors',
	'rgb_colors', 'color_names', '_ocr', 'texts', '_gpt', '_output_url', '_upscaled_image_url', 'answer_records',
	'skipped_records', '_id', 'detail', 'Side', 'currency', 'price', 'error',
];

function randomValue(random: () => number, depth: number): unknown {
	const pick = random();
	if (depth > 5 || pick < 0.35) {
		const scalars = [null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, '', 'x', '200', 'DONE', 'https://x/a.png', '{', []];
		return scalars[Math.floor(random() * scalars.length)];
	}
	if (pick < 0.55) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
	return randomObject(random, depth + 1);
}

function randomObject(random: () => number, depth: number): IDataObject {
	const object: IDataObject = {};
	const size = Math.floor(random() * 6);
	for (let i = 0; i < size; i++) object[KEYS[Math.floor(random() * KEYS.length)]] = randomValue(random, depth) as IDataObject;
	return object;
}

const KINDS = [...new Set(RECOGNITION_SERVICES.map((service) => service.summary))] as SummaryKind[];
const OUTPUTS: OutputChoice[] = ['simplified', 'allColumns', 'raw'];

describe('strange answers', () => {
	const random = mulberry32(20261203);
	const values = Array.from({ length: 1500 }, () => randomObject(random, 0));

	it('the rows of every service, Simplified ones within 10 fields, and an agent\'s row, never throw', () => {
		for (const [index, record] of values.entries()) {
			for (const kind of KINDS) {
				const request = index % 2 ? { pricing: true, price_stats: true, slab_id: true, analyze_all: true } : {};
				let rows: IDataObject[] = [];
				expect(() => (rows = simplifyRecord(kind, record, request))).not.toThrow();
				expect(rows.length).toBeGreaterThan(0);
				expect(() => agentRow(rows[0], record, true)).not.toThrow();
				if (kind === 'raw') continue;
				let simplified: IDataObject[] = [];
				expect(() => (simplified = shapeRecord(kind, record, request, 'simplified'))).not.toThrow();
				for (const row of simplified) expect(Object.keys(row).length).toBeLessThanOrEqual(SIMPLIFIED_MAX_FIELDS);
			}
			expect(() => rawRecord(record)).not.toThrow();
		}
	});

	it('a job answer is read as records or a worded failure, and its rows never throw', () => {
		for (const job of values) {
			let read: ReturnType<typeof jobRecords> | undefined;
			expect(() => (read = jobRecords(job, 'job-1'))).not.toThrow();
			if (read && 'failure' in read) expect(read.failure.message).toMatch(/job-1/);
			if (read && 'records' in read) {
				const { records } = read;
				for (const output of OUTPUTS) expect(() => jobRows({ jobId: 'job-1' }, records, output)).not.toThrow();
			}
		}
	});

	it('a callback (with the right secret) gives items, at least one, and never throws', () => {
		for (const body of [...values, ...values.map((value) => ({ id: 'j', status: 'DONE', response: value }))]) {
			for (const output of OUTPUTS) {
				let items: unknown[] = [];
				expect(() => (items = callbackItems(body, output))).not.toThrow();
				expect(items.length).toBeGreaterThan(0);
			}
		}
	});

	it('collection upkeep answers match by _id, and any 2xx body is classified, without throwing', () => {
		for (const body of values) {
			expect(() => matchById(['a', 'b'], body, 'insert')).not.toThrow();
			for (const statusCode of [200, 211, 404, 500]) {
				expect(() => readPartialAnswer({ statusCode, body }, 'secret-token')).not.toThrow();
				expect(() => readBody({ statusCode, headers: {}, body }, 'secret-token')).not.toThrow();
			}
		}
	});
});

describe('a callback nested beyond reason', () => {
	it('gives one item saying it could not be read, without walking it', () => {
		let deep: unknown = { _id: 'bottom' };
		for (let i = 0; i < 20_000; i++) deep = { records: [deep] };
		const items = callbackItems({ id: 'job-9', status: 'DONE', response: deep }, 'raw');
		expect(items).toEqual([{ json: { jobId: 'job-9', jobStatus: 'DONE', error: 'The callback could not be read: it is nested deeper than 64 levels' } }]);
	});
});
