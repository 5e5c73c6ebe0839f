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

/**
 * Background removal (S8). `_output_url` points at this simulator, its extension following
 * `image_format` (png default). `binary_mask` and `white_background` are read per record,
 * where the docs' example puts them: the mask (.jpg) comes instead of `_output_url`, the
 * white-background image (.jpg) beside it.
 */
const removeBg: Service = (inp) => {
	const fmt = String(inp.options.image_format ?? 'png').toLowerCase();
	const ext = ['png', 'webp', 'jpg', 'jpeg'].includes(fmt) ? fmt : 'png';
	const name = `${inp.selfUrl}/samples/removebg/${inp.image.key.slice(0, 16)}`;
	const out: Record<string, unknown> = {};
	if (inp.record.binary_mask === true) out._output_url_mask = `${name.replace(/[0-9a-f]{4}$/, 'ffff')}.jpg`;
	else out._output_url = `${name}.${ext}`;
	if (inp.record.white_background === true) out._output_url_whitebg = `${name.replace(/[0-9a-f]{4}$/, 'eeee')}.jpg`;
	return out;
};

const OCR_LINES = ['SPECIAL OFFER', 'Invoice No. 2024-0117', 'Total: 129.00 EUR', 'Best before 12/2026', 'Made in Czech Republic'];

/** OCR (S10): `_ocr.texts[{text, polygon, prob}]` and `full_text`. */
const ocrRead: Service = (inp) => {
	const lines = inp.rng.sample(OCR_LINES, inp.rng.int(2, 4));
	const texts = lines.map((text, i) => ({
		text, prob: inp.rng.float(0.8, 0.99), polygon: [[10, 10 + 40 * i], [300, 10 + 40 * i], [300, 40 + 40 * i], [10, 40 + 40 * i]],
	}));
	return { _ocr: { texts, full_text: lines.join(' '), lang_name: String(inp.options.lang ?? 'en') } };
};

/** OCR with GPT: the record's `prompt` is answered in `_gpt.result` ([T] S23). */
const ocrReadGpt: Service = (inp) => {
	const read = ocrRead(inp);
	const lines = (read._ocr as { texts: { text: string }[] }).texts.map((t) => t.text);
	const prompt = String(inp.record.prompt);
	const word = prompt.split(/\s+/).find((w) => w.length > 3)?.toLowerCase() ?? '';
	return { ...read, _gpt: { result: lines.find((l) => l.toLowerCase().includes(word)) ?? lines[0] } };
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
	'/ocr/v2/read': { service: ocrRead },
	'/ocr/v2/read_gpt': { service: ocrReadGpt },
};

/** Flags that lower the records limit (S2): analyze_all takes 1 record, magic_ai 2. [guess] the 400 text. */
function recordLimitProblem(options: Record<string, unknown>, count: number): HandlerResult | null {
	if (options.analyze_all === true && count > 1) return bad('With analyze_all only 1 record is allowed per request.');
	if (options.magic_ai === true && count > 2) return bad('With magic_ai at most 2 records are allowed per request.');
	return null;
}

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
	const limited = recordLimitProblem(options, records.length);
	if (limited) return limited;
	if (route.needsTask) {
		const task = options.task ?? options.task_id;
		if (typeof task !== 'string' || task.trim() === '') return bad('Field "task" (the task id) is required.');
	}
	const out = records.map((record, i) => {
		const result = echo(record);
		const image = ctx.resolveImage(record);
		if (!image.ok) return { ...result, _status: { ...image.status, request_id: randomUUID() } };
		if (ctx.shouldFailRecord(record, i)) return { ...result, _status: { code: 500, text: 'Processing failed', request_id: randomUUID() } };
		if (path === '/ocr/v2/read_gpt' && (typeof record.prompt !== 'string' || record.prompt.trim() === '')) {
			return { ...result, _status: { code: 400, text: 'Field "prompt" is required.', request_id: randomUUID() } };
		}
		const rng = new Rng(`${path}:${image.key}`);
		return {
			...result, _width: image.width, _height: image.height,
			...route.service({ record, image, options, rng, selfUrl: ctx.selfUrl }),
			// Classification and detection keep the image in the workspace when asked (S14).
			...(route.needsTask && options.store_images === true ? { _stored_image_id: stableUuid(`stored:${image.key}`) } : {}),
			_status: okStatus(),
		};
	});
	ctx.bill(records.length); // every record is billed, failed ones too
	const extra = route.needsTask ? { task_id: String(options.task ?? options.task_id), version: options.version ?? 1 } : {};
	return { status: 200, body: envelope(out, ctx, extra) };
}
