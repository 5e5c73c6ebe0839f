/**
 * Recognition endpoints (contract section 3): body validation, per-record image checks,
 * per-record failures, billing, and the `{records, status, statistics}` envelope.
 */
import { CLASSIFY_LABEL_SETS, DETECT_LABEL_SETS } from './catalog';
import { boundBox, COLLECTIBLES } from './collectibles';
import { TAGGING } from './tagging';
import type { HandlerResult, RequestContext, Service } from './types';
import { descendingProbs, isPlainObject, Rng, round, stableUuid } from './util';
import { randomUUID } from 'crypto';

// [guess] Ximilar documents "max 10 records" but not the error; we answer HTTP 400 with this detail.
export const MAX_RECORDS = 10;
export const TOO_MANY_RECORDS = `Maximum number of records per request is ${MAX_RECORDS}.`;

const labelSet = (sets: readonly (readonly string[])[], task: string) => new Rng(`task:${task}`).pick(sets);
const taskOf = (o: Record<string, unknown>): string => String(o.task ?? o.task_id);

const classify: Service = (inp) => {
	const task = taskOf(inp.options);
	const names = inp.rng.sample(labelSet(CLASSIFY_LABEL_SETS, task), 99);
	const probs = descendingProbs(inp.rng, names.length);
	const labels = names.map((name, i) => ({ id: stableUuid(`${task}:${name}`), name, prob: probs[i] }));
	return { best_label: labels[0], labels };
};

/** Objects below `keep_prob` (default 0.3) are dropped, highest probability first. */
const detect: Service = (inp) => {
	const task = taskOf(inp.options);
	const names = labelSet(DETECT_LABEL_SETS, task);
	const keep = typeof inp.options.keep_prob === 'number' ? inp.options.keep_prob : 0.3;
	const objects = Array.from({ length: inp.rng.int(1, 5) }, () => {
		const name = inp.rng.pick(names);
		return {
			name, id: stableUuid(`${task}:${name}`), prob: inp.rng.float(0.05, 0.99),
			bound_box: boundBox(inp.rng, inp.image.width, inp.image.height, 0.1),
		};
	});
	return { _objects: objects.filter((o) => o.prob >= keep).sort((a, b) => b.prob - a.prob) };
};

/** `_output_url` points at this simulator; its extension follows `image_format` (png default). */
const removeBg: Service = (inp) => {
	const fmt = String(inp.options.image_format ?? 'png').toLowerCase();
	const ext = ['png', 'webp', 'jpg', 'jpeg'].includes(fmt) ? fmt : 'png';
	return { _output_url: `${inp.selfUrl}/samples/removebg/${inp.image.key.slice(0, 16)}.${ext}` };
};

interface Route {
	service: Service;
	needsTask?: boolean;
}

export const RECOGNITION_ROUTES: Record<string, Route> = {
	...Object.fromEntries(Object.entries({ ...COLLECTIBLES, ...TAGGING }).map(([p, service]) => [p, { service }])),
	'/recognition/v2/classify/': { service: classify, needsTask: true },
	'/detection/v2/detect/': { service: detect, needsTask: true },
	'/removebg/precise/removebg': { service: removeBg },
	'/removebg/fast/removebg': { service: removeBg },
};

const bad = (detail: string): HandlerResult => ({ status: 400, body: { detail } });

/** Shared checks on `records` (also used by collections and async requests). */
export function validateRecords(body: unknown): HandlerResult | Record<string, unknown>[] {
	if (!isPlainObject(body)) return bad('Request body must be a JSON object with a "records" list.');
	const records = body.records;
	if (records === undefined) return bad('Field "records" is required.');
	if (!Array.isArray(records) || records.length === 0) return bad('Field "records" must be a non-empty list of records.');
	if (records.length > MAX_RECORDS) return bad(TOO_MANY_RECORDS);
	if (!records.every(isPlainObject)) return bad('Each item of "records" must be a JSON object.');
	return records as Record<string, unknown>[];
}

/** The input record as echoed back: everything except `_base64`. */
export function echo(record: Record<string, unknown>): Record<string, unknown> {
	const { _base64, ...rest } = record;
	void _base64;
	return rest;
}

export const okStatus = () => ({ code: 200, text: 'OK', request_id: randomUUID() });

export function envelope(records: unknown[], ctx: RequestContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { records, ...extra, status: { code: 200, text: 'OK' }, statistics: { 'processing time': round(ctx.processingSeconds, 4) } };
}

export function processRecords(path: string, ctx: RequestContext): HandlerResult {
	const route = RECOGNITION_ROUTES[path];
	const records = validateRecords(ctx.body);
	if (!Array.isArray(records)) return records;
	const { records: _r, ...options } = ctx.body as Record<string, unknown>;
	void _r;
	if (route.needsTask) {
		const task = options.task ?? options.task_id;
		if (typeof task !== 'string' || task.trim() === '') return bad('Field "task" (the task id) is required.');
	}
	const out = records.map((record, i) => {
		const result = echo(record);
		const image = ctx.resolveImage(record);
		if (!image.ok) return { ...result, _status: { ...image.status, request_id: randomUUID() } };
		if (ctx.shouldFailRecord(record, i)) return { ...result, _status: { code: 500, text: 'Processing failed', request_id: randomUUID() } };
		const rng = new Rng(`${path}:${image.key}`);
		return {
			...result, _width: image.width, _height: image.height,
			...route.service({ record, image, options, rng, selfUrl: ctx.selfUrl }),
			_status: okStatus(),
		};
	});
	ctx.bill(records.length); // every record is billed, failed ones too
	const extra = route.needsTask ? { task_id: String(options.task ?? options.task_id), version: options.version ?? 1 } : {};
	return { status: 200, body: envelope(out, ctx, extra) };
}
