/** Visual search in collections (contract section 4): in-memory records with 16-float vectors. */
import { randomUUID } from 'crypto';
import { matchFilter, validateFilter } from './filter';
import { echo, okStatus, validateRecords, envelope } from './recognition';
import type { HandlerResult, RequestContext } from './types';
import { isPlainObject, round, sha1Hex } from './util';

/** Base paths of both API generations (docs/ximilar-api.md §13, S15). */
export const COLLECTION_BASES: readonly string[] = [
	// current generation
	'/similarity/photos/v2', '/similarity/products-new/v2', '/similarity/fashion-new/v2', '/similarity/homedecor-new/v2',
	'/similarity/colors/v2', '/similarity/custom/v2', '/image_matching/v2',
	// older generation
	'/photo/search/v2', '/similarity/products/v2', '/similarity/fashion/v2', '/similarity/homedecor/v2',
];

/** Older fashion and home decor search with tags too (visualTagsKNN); new fashion searches with visual_search (S15). */
const TAG_SEARCH_BASES = new Set(['/similarity/fashion/v2', '/similarity/homedecor/v2']);
const NEW_FASHION = '/similarity/fashion-new/v2';
const METHODS = new Set(['visualKNN', 'visualTagsKNN', 'visual_search', 'visualRankRecords', 'insert', 'update', 'delete', 'get', 'allRecords']);

/** Allowed HTTP methods for a collection path, or null when the path does not exist. */
export function collectionRoute(path: string): { base: string; method: string; allow: string[] } | null {
	const cut = path.lastIndexOf('/');
	const base = path.slice(0, cut);
	const method = path.slice(cut + 1);
	if (!COLLECTION_BASES.includes(base) || !METHODS.has(method)) return null;
	if (method === 'visualTagsKNN' && !TAG_SEARCH_BASES.has(base)) return null;
	// [guess] new fashion collections search only with visual_search, and only they have it
	if ((method === 'visual_search') !== (base === NEW_FASHION) && (method === 'visual_search' || method === 'visualKNN')) return null;
	return { base, method, allow: method === 'allRecords' ? ['GET', 'POST'] : ['POST'] };
}

type Rec = Record<string, any>;

/** How insert, update and delete answer (see XimilarSimulator.setUpkeepAnswer). */
export type UpkeepAnswer = 'lists' | 'statusOnly' | 'empty';

export class CollectionStore {
	private readonly collections = new Map<string, Map<string, Rec>>();
	upkeepAnswer: UpkeepAnswer = 'lists';
	/** Most records a collection holds ("hard capacity", S17); unlimited unless a test sets one. */
	readonly capacity = new Map<string, number>();
	/** vectors live beside the records so that collection(id) shows metadata only */
	private readonly vectors = new WeakMap<object, number[]>();

	has(id: string): boolean {
		return this.collections.has(id);
	}
	get(id: string): Map<string, Rec> {
		let c = this.collections.get(id);
		if (!c) this.collections.set(id, (c = new Map()));
		return c;
	}
	clear(): void {
		this.collections.clear();
		this.capacity.clear();
		this.upkeepAnswer = 'lists';
	}
	setVector(rec: Rec, key: string): void {
		this.vectors.set(rec, vectorFromKey(key));
	}
	/** Records put in by tests directly get a vector from their `_url` (resolved like a query) or `_id`. */
	vectorOf(rec: Rec, ctx: RequestContext): number[] {
		let v = this.vectors.get(rec);
		if (!v) {
			const img = typeof rec._url === 'string' ? ctx.resolveImage({ _url: rec._url }) : null;
			v = vectorFromKey(img && img.ok ? img.key : sha1Hex(`id:${String(rec._id)}`));
			this.vectors.set(rec, v);
		}
		return v;
	}
}

function vectorFromKey(key: string): number[] {
	const bytes = Buffer.from(sha1Hex(`vec:${key}`), 'hex');
	return Array.from(bytes.subarray(0, 16), (b) => b / 255);
}

const distance = (a: number[], b: number[]): number => round(Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0)), 4);

const fail = (status: number, detail: string, extra: Record<string, unknown> = {}): HandlerResult => ({ status, body: { detail, ...extra } });
const recStatus = (code: number, text: string) => ({ code, text, request_id: randomUUID() });

function project(rec: Rec, fields: string[] | null): Rec {
	if (!fields) return { ...rec };
	const out: Rec = { _id: rec._id };
	for (const f of fields) if (f in rec) out[f] = rec[f];
	return out;
}

function fieldsOf(body: Rec, fallback: string[] | null): string[] | null | HandlerResult {
	const f = body.fields_to_return;
	if (f === undefined || f === null) return fallback;
	if (!Array.isArray(f) || !f.every((x) => typeof x === 'string')) return fail(400, 'Field "fields_to_return" must be a list of field names.');
	return f;
}

const isResult = (v: unknown): v is HandlerResult => isPlainObject(v) && typeof v.status === 'number' && 'body' in v;

interface Query { vector: number[] }

/** Vector of a query record: by `_id` of a stored record, or by its image. */
function queryVector(store: CollectionStore, coll: Map<string, Rec>, q: unknown, ctx: RequestContext): Query | HandlerResult {
	if (!isPlainObject(q)) return fail(400, 'Field "query_record" is required: {_id} or {_url} or {_base64}.');
	if (q._url === undefined && q._base64 === undefined) {
		if (q._id === undefined) return fail(400, 'Field "query_record" must contain _id, _url or _base64.');
		const rec = coll.get(String(q._id));
		// [guess] unknown query _id: HTTP 404 with the status in the body as well
		if (!rec) return { status: 404, body: { answer_records: [], answer_distances: [], answer_count: 0, status: { code: 404, text: 'Record not found' } } };
		return { vector: store.vectorOf(rec, ctx) };
	}
	const img = ctx.resolveImage(q);
	if (!img.ok) return fail(400, img.status.text, { status: { code: 400, text: img.status.text } });
	return { vector: vectorFromKey(img.key) };
}

function knn(store: CollectionStore, coll: Map<string, Rec>, body: Rec, ctx: RequestContext): HandlerResult {
	const k = body.k ?? 10;
	if (!Number.isInteger(k) || k < 1) return fail(400, 'Field "k" must be a positive integer.');
	const fields = fieldsOf(body, ['_id']);
	if (isResult(fields)) return fields;
	let filter: Rec | null = null;
	try {
		// null counts as "no filter"; anything else that is not an object is rejected
		if (body.filter !== undefined && body.filter !== null) filter = validateFilter(body.filter);
	} catch (e) {
		return fail(400, (e as Error).message);
	}
	const query = queryVector(store, coll, body.query_record, ctx);
	if (isResult(query)) return query;
	const hits = [...coll.values()]
		.filter((rec) => !filter || matchFilter(rec, filter))
		.map((rec) => ({ rec, d: distance(query.vector, store.vectorOf(rec, ctx)) }))
		.sort((a, b) => a.d - b.d || String(a.rec._id).localeCompare(String(b.rec._id)))
		.slice(0, k);
	return {
		status: 200,
		body: {
			answer_records: hits.map((h) => project(h.rec, fields)), answer_distances: hits.map((h) => h.d),
			answer_count: hits.length, status: { code: 200, text: 'OK' },
		},
	};
}

function rank(store: CollectionStore, coll: Map<string, Rec>, body: Rec, ctx: RequestContext): HandlerResult {
	const query = queryVector(store, coll, body.query_record, ctx);
	if (isResult(query)) return query;
	const fields = fieldsOf(body, ['_id']);
	if (isResult(fields)) return fields;
	if (!Array.isArray(body.records) || body.records.length === 0 || !body.records.every(isPlainObject)) {
		return fail(400, 'Field "records" must be a non-empty list of records.');
	}
	const ranked: { rec: Rec; d: number }[] = [];
	for (const r of body.records as Rec[]) {
		const q = queryVector(store, coll, r, ctx);
		if (isResult(q)) return q;
		ranked.push({ rec: coll.get(String(r._id)) ?? echo(r), d: distance(query.vector, q.vector) });
	}
	ranked.sort((a, b) => a.d - b.d);
	return {
		status: 200,
		body: {
			answer_records: ranked.map((h) => project(h.rec, fields)), answer_distances: ranked.map((h) => h.d),
			answer_count: ranked.length, status: { code: 200, text: 'OK' },
		},
	};
}

/**
 * Partial answers (S4 counts `records`, `skipped_records`, `answer_records`; codes from S17,
 * third-party): accepted records under `records` (get: `answer_records`), refused ones under
 * `skipped_records` each with its `_status`, and a top-level status saying all, some or none.
 * [guess] HTTP 200 with the code in `status`, except a request refused entirely for capacity: HTTP 412.
 */
function partial(
	done: Rec[], skipped: Rec[], ctx: RequestContext, codes: { all: [number, string]; some: [number, string] }, listKey = 'records', shape: UpkeepAnswer = 'lists',
): HandlerResult {
	const none = done.length === 0 && skipped.length > 0;
	const [code, text] = skipped.length === 0 ? codes.all : none ? [skipped[0]._status.code, skipped[0]._status.text] : codes.some;
	const httpStatus = none && code === 412 ? 412 : 200;
	// Answers without record lists (S17): only the status, or nothing but the code as the HTTP status.
	if (shape === 'statusOnly') return { status: httpStatus, body: { status: { code, text } } };
	if (shape === 'empty') return { status: code, body: undefined };
	const body = { ...envelope([], ctx), [listKey]: done, skipped_records: skipped, status: { code, text } };
	if (listKey !== 'records') delete (body as Rec).records;
	return { status: httpStatus, body };
}

function insert(store: CollectionStore, id: string, coll: Map<string, Rec>, ctx: RequestContext): HandlerResult {
	const records = validateRecords(ctx.body);
	if (!Array.isArray(records)) return records;
	const capacity = store.capacity.get(id) ?? Infinity;
	const done: Rec[] = [];
	const skipped: Rec[] = [];
	records.forEach((r, i) => {
		const meta = echo(r);
		const img = ctx.resolveImage(r);
		if (typeof r._id !== 'string' || r._id === '') skipped.push({ ...meta, _status: recStatus(400, 'Record must have a string _id') });
		else if (coll.has(r._id)) skipped.push({ _id: r._id, _status: recStatus(411, 'record duplicate') });
		else if (coll.size >= capacity) skipped.push({ _id: r._id, _status: recStatus(412, 'hard capacity exceeded') });
		else if (!img.ok) done.push({ ...meta, _status: recStatus(img.status.code, img.status.text) });
		else if (ctx.shouldFailRecord(r, i)) done.push({ ...meta, _status: recStatus(500, 'Processing failed') });
		else {
			coll.set(r._id, meta);
			store.setVector(meta, img.key);
			done.push({ ...meta, _status: okStatus() });
		}
	});
	return partial(done, skipped, ctx, { all: [210, 'records inserted'], some: [211, 'some records inserted'] }, 'records', store.upkeepAnswer);
}

/** update / delete / get by `_id`: records not in the collection are skipped (404 each). */
function byId(coll: Map<string, Rec>, method: string, ctx: RequestContext, shape: UpkeepAnswer): HandlerResult {
	const records = validateRecords(ctx.body);
	if (!Array.isArray(records)) return records;
	// [guess] get without fields_to_return returns all stored metadata
	const fields = fieldsOf(ctx.body as Rec, null);
	if (isResult(fields)) return fields;
	const done: Rec[] = [];
	const skipped: Rec[] = [];
	for (const r of records) {
		const rec = r._id === undefined ? undefined : coll.get(String(r._id));
		if (!rec) {
			skipped.push({ _id: r._id ?? null, _status: recStatus(404, 'records not found') });
		} else if (method === 'delete') {
			coll.delete(String(r._id));
			done.push({ _id: rec._id, _status: okStatus() });
		} else if (method === 'update') {
			// metadata only: image fields are ignored, the vector stays
			for (const [key, value] of Object.entries(r)) if (key !== '_base64' && key !== '_url' && key !== '_id') rec[key] = value;
			done.push({ ...rec, _status: okStatus() });
		} else {
			done.push(project(rec, fields));
		}
	}
	const codes: Record<string, { all: [number, string]; some: [number, string] }> = {
		delete: { all: [220, 'records deleted'], some: [206, 'some of the records not found'] },
		update: { all: [200, 'OK'], some: [206, 'some of the records not found'] },
		get: { all: [200, 'OK'], some: [206, 'some of the records not found'] },
	};
	// Get always lists what it found: the list is its answer.
	return partial(done, skipped, ctx, codes[method], method === 'get' ? 'answer_records' : 'records', method === 'get' ? 'lists' : shape);
}

/** allRecords?page=&size= ([guess] size default 100, max 1000; a page past the end is 404 like DRF); no `next` on the last page (S4). */
function allRecords(coll: Map<string, Rec>, base: string, ctx: RequestContext): HandlerResult {
	const body = isPlainObject(ctx.body) ? ctx.body : {};
	const page = Number(ctx.query.get('page') ?? body.page ?? 1);
	const size = Math.min(Number(ctx.query.get('size') ?? body.size ?? 100), 1000);
	if (!Number.isInteger(size) || size < 1) return fail(400, 'Parameter "size" must be a positive integer.');
	const all = [...coll.values()];
	const pages = Math.max(1, Math.ceil(all.length / size));
	if (!Number.isInteger(page) || page < 1 || page > pages) return fail(404, 'Invalid page.');
	const fields = fieldsOf(body, null);
	if (isResult(fields)) return fields;
	const link = (p: number) => `${ctx.selfUrl}${base}/allRecords?page=${p}&size=${size}`;
	return {
		status: 200,
		body: {
			answer_records: all.slice((page - 1) * size, page * size).map((r) => project(r, fields)),
			answer_count: all.length, ...(page < pages ? { next: link(page + 1) } : {}),
			status: { code: 200, text: 'OK' },
		},
	};
}

export function handleCollection(store: CollectionStore, base: string, method: string, ctx: RequestContext): HandlerResult {
	const header = ctx.headers['collection-id'];
	const id = Array.isArray(header) ? header[0] : header;
	if (!id) return fail(400, 'Header collection-id is required.');
	// [guess] an id that was never created answers 404
	if (!store.has(id)) return fail(404, 'Collection not found.');
	const coll = store.get(id);
	if (method === 'allRecords') return allRecords(coll, base, ctx);
	if (!isPlainObject(ctx.body)) return fail(400, 'Request body must be a JSON object.');
	switch (method) {
		case 'visualKNN':
		case 'visual_search':
		case 'visualTagsKNN': return knn(store, coll, ctx.body, ctx);
		case 'visualRankRecords': return rank(store, coll, ctx.body, ctx);
		case 'insert': return insert(store, id, coll, ctx);
		default: return byId(coll, method, ctx, store.upkeepAnswer);
	}
}
