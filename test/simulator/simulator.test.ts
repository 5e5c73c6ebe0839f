import { inflateSync } from 'zlib';
import { crc32, demoCards, makeBigImage, makeJpeg, makePng, sampleBytes, SampleKind } from '../fixtures/images';
import { TOO_MANY_RECORDS, XimilarSimulator } from './index';

let sim: XimilarSimulator;

beforeAll(async () => {
	sim = await XimilarSimulator.start();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => sim.reset());

const b64 = (buf: Buffer) => buf.toString('base64');

async function call(path: string, body?: unknown, opts: { token?: string | null; method?: string; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
	const headers: Record<string, string> = { ...opts.headers };
	const token = opts.token === undefined ? sim.token : opts.token;
	if (token !== null) headers.Authorization = `Token ${token}`;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(sim.url + path, {
		method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, signal: opts.signal,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, json, text };
}

const TCG = '/collectibles/v2/tcg_id';

describe('fixtures', () => {
	it('makePng builds a valid PNG with correct CRCs and seed-dependent pixels', () => {
		const png = makePng(20, 30, 7);
		expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
		let o = 8;
		const types: string[] = [];
		while (o < png.length) {
			const len = png.readUInt32BE(o);
			const type = png.subarray(o + 4, o + 8);
			expect(png.readUInt32BE(o + 8 + len)).toBe(crc32(type, png.subarray(o + 8, o + 8 + len)));
			types.push(type.toString('latin1'));
			if (type.toString('latin1') === 'IDAT') expect(inflateSync(png.subarray(o + 8, o + 8 + len)).length).toBe(30 * (20 * 3 + 1));
			o += 12 + len;
		}
		expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
		expect(makePng(20, 30, 7).equals(png)).toBe(true);
		expect(makePng(20, 30, 8).equals(png)).toBe(false);
	});

	it('makeJpeg / makeBigImage / demoCards are well-formed and sized', () => {
		const jpg = makeJpeg(3);
		expect(jpg.subarray(0, 3).toString('hex')).toBe('ffd8ff');
		expect(jpg.subarray(-2).toString('hex')).toBe('ffd9');
		expect(makeJpeg(4).equals(jpg)).toBe(false);
		const big = makeBigImage(1_000_000, 1);
		expect(Math.abs(big.length - 1_000_000)).toBeLessThan(100);
		expect(big.subarray(1, 4).toString('latin1')).toBe('PNG');
		const cards = demoCards();
		expect(cards).toHaveLength(5);
		expect(new Set(cards.map((c) => c.buffer.toString('hex'))).size).toBe(5);
	});
});

describe('auth and routing', () => {
	it('answers 401 / 403 like Django REST framework', async () => {
		const missing = await call('/account/v2/details/', undefined, { token: null });
		expect(missing.status).toBe(401);
		expect(missing.json).toEqual({ detail: 'Authentication credentials were not provided.' });
		const wrong = await call('/account/v2/details/', undefined, { token: 'nope' });
		expect(wrong.status).toBe(401);
		expect(wrong.json).toEqual({ detail: 'Invalid token.' });
		const forbidden = await call(TCG, { records: [{ _url: 'https://example.com/a.jpg' }] }, { token: 'forbidden-token' });
		expect(forbidden.status).toBe(403);
		expect(forbidden.json.detail).toBe('You do not have permission to perform this action.');
	});

	it('serves account details, 404 for unknown paths, 405 for wrong methods', async () => {
		const ok = await call('/account/v2/details/');
		expect(ok.status).toBe(200);
		expect(ok.json).toMatchObject({ email: expect.any(String), credits_counter: 0, credits_limit: expect.any(Number), verified: true });
		expect((await call('/collectibles/v2/nope', {})).status).toBe(404);
		expect((await call('/collectibles/v2/nope', {})).json).toEqual({ detail: 'Not found.' });
		expect((await call(TCG)).status).toBe(405);
	});

	it('rejects malformed JSON and bad records lists with 400 detail', async () => {
		const res = await fetch(sim.url + TCG, {
			method: 'POST', body: '{"records": [', headers: { Authorization: `Token ${sim.token}`, 'Content-Type': 'application/json' },
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ detail: 'JSON parse error' });
		const empty = await call(TCG, { records: [] });
		expect(empty.status).toBe(400);
		expect(empty.json.detail).toMatch(/records/);
		const eleven = await call(TCG, { records: Array.from({ length: 11 }, (_, i) => ({ _id: `r${i}`, _url: 'https://example.com/a.jpg' })) });
		expect(eleven.status).toBe(400);
		expect(eleven.json).toEqual({ detail: TOO_MANY_RECORDS });
		expect(sim.log[sim.log.length - 1].recordCount).toBe(11);
		const noTask = await call('/recognition/v2/classify/', { records: [{ _url: 'https://example.com/a.jpg' }] });
		expect(noTask.status).toBe(400);
		expect(noTask.json.detail).toMatch(/task/);
		const legacy = await call('/recognition/v2/classify/', { task_id: 'f6c3b1d0-0000-4000-a000-000000000001', records: [{ _url: 'https://example.com/a.jpg' }] });
		expect(legacy.status).toBe(200);
		expect(legacy.json.records[0].best_label).toEqual(legacy.json.records[0].labels[0]);
	});
});

describe('recognition records', () => {
	it('fails only the records whose format Ximilar cannot read', async () => {
		const kinds: SampleKind[] = ['jpeg', 'png', 'webp', 'gif', 'bmp', 'tiff', 'heic', 'avif', 'heif', 'svg', 'pdf', 'psd', 'jp2', 'text', 'empty'];
		const results: Record<string, { code: number; text: string }> = {};
		for (let i = 0; i < kinds.length; i += 10) {
			const batch = kinds.slice(i, i + 10);
			const res = await call(TCG, { records: batch.map((k) => ({ _id: k, _base64: b64(sampleBytes(k)) || '' })) });
			expect(res.status).toBe(200);
			res.json.records.forEach((r: any, j: number) => {
				expect(r._id).toBe(batch[j]);
				expect(r).not.toHaveProperty('_base64');
				results[r._id] = r._status;
			});
		}
		for (const ok of ['jpeg', 'png', 'webp', 'gif', 'bmp', 'tiff', 'heic']) expect(results[ok].code).toBe(200);
		for (const fmt of ['avif', 'heif', 'svg', 'pdf', 'psd', 'jp2']) expect(results[fmt]).toEqual({ code: 400, text: `Unsupported image format: ${fmt}`, request_id: expect.any(String) });
		expect(results.text.text).toBe('Image could not be decoded');
		expect(results.empty.code).toBe(400);
	});

	it('echoes fields except _base64, reads sizes, accepts data URIs, checks sources', async () => {
		const png = makePng(40, 56, 3);
		const res = await call(TCG, {
			records: [
				{ _id: 'p', note: 'keep me', _base64: `data:image/png;base64,${b64(png)}` },
				{ _url: `${sim.url}/samples/card-2.png` },
				{ _id: 'svg', _url: `${sim.url}/samples/bad.svg` },
				{ _id: 'gone', _url: 'https://cdn.unreachable.example/x.jpg' },
				{ _id: 'ftp', _url: 'ftp://example.com/x.jpg' },
				{ _id: 'none' },
				{ _id: 'web', _url: 'https://images.example.com/card.jpg' },
			],
		});
		const [p, sample, svg, gone, ftp, none, web] = res.json.records;
		expect(p).toMatchObject({ _id: 'p', note: 'keep me', _width: 40, _height: 56, _status: { code: 200, text: 'OK' } });
		expect(p).not.toHaveProperty('_base64');
		expect(sample).not.toHaveProperty('_id'); // never invented
		expect(sample).toMatchObject({ _width: 64, _height: 88, _status: { code: 200 } });
		expect(svg._status.text).toBe('Unsupported image format: svg');
		expect(gone._status).toMatchObject({ code: 400, text: 'Image could not be downloaded from URL' });
		expect(ftp._status.code).toBe(400);
		expect(none._status).toMatchObject({ code: 400, text: 'No image source (_url or _base64)' });
		expect(web._status.code).toBe(200);
		expect(res.json.statistics['processing time']).toEqual(expect.any(Number));
		const account = await call('/account/v2/details/');
		expect(account.json.credits_counter).toBe(7); // every record billed, failed ones too
	});

	it('gives deterministic card results, pricing and slab only on request', async () => {
		const record = { _id: 'c', _base64: b64(makePng(64, 88, 42)) };
		const a = (await call(TCG, { records: [record] })).json.records[0];
		const b = (await call(TCG, { records: [record] })).json.records[0];
		expect(a._objects).toEqual(b._objects);
		const card = a._objects[0];
		expect(card.name).toBe('Card');
		expect(card.bound_box).toHaveLength(4);
		expect(card._identification.best_match).toMatchObject({ name: expect.any(String), full_name: expect.any(String), card_number: expect.any(String), year: expect.any(Number) });
		expect(card._identification.distances[0]).toBeLessThan(card._identification.distances[1]);
		expect(card._identification.best_match).not.toHaveProperty('pricing');
		expect(card._identification.best_match).not.toHaveProperty('price_stats');
		expect(a._objects.some((o: any) => o.name === 'Slab Label')).toBe(false);

		const priced = (await call(TCG, { pricing: true, price_stats: true, slab_id: true, records: [record] })).json.records[0];
		const match = priced._objects[0]._identification.best_match;
		expect(match.name).toBe(card._identification.best_match.name);
		expect(match.pricing.list[0]).toMatchObject({ price: expect.any(Number), currency: 'USD', source: expect.any(String) });
		// price_stats: one entry per stats_type with the numbers under value (S3)
		expect(match.price_stats.map((e: any) => e.stats_type)).toEqual(['ungraded', 'graded', 'overall']);
		expect(match.price_stats[0].value).toMatchObject({ median: expect.any(Number), min: expect.any(Number), max: expect.any(Number), latest: expect.any(Number) });
		expect(priced._objects.some((o: any) => o.name === 'Slab Label')).toBe(true);

		const noMatch = (await call(TCG, { records: [{ ...record, _simulate: 'no_match' }] })).json.records[0];
		expect(noMatch._objects[0]._identification).toEqual({ error: 'No match found' });
	});

	it('honours service options: photo lang, colours count, keep_prob, removebg output URL', async () => {
		const rec = { _url: 'https://example.com/photo.jpg' };
		const en = (await call('/photo/tags/v2/tags', { lang: 'en', records: [rec] })).json.records[0];
		const cs = (await call('/photo/tags/v2/tags', { lang: 'cs', records: [rec] })).json.records[0];
		// _tags is a list of {name, prob, id} (S18); Czech names, same ids
		expect(en._tags.map((t: any) => t.id)).toEqual(cs._tags.map((t: any) => t.id));
		expect(en._tags.map((t: any) => t.name)).not.toEqual(cs._tags.map((t: any) => t.name));
		expect(en._tags[0]).toEqual({ id: expect.any(String), name: expect.any(String), prob: expect.any(Number) });
		const simple = (await call('/photo/tags/v2/tags', { tagging_mode: 'simple', records: [rec] })).json.records[0];
		expect(simple._tags.every((t: any) => t.prob === undefined)).toBe(true);
		const colors = (await call('/dom_colors/generic/v2/dominantcolor', { colors: 4, records: [rec] })).json.records[0]._dominant_colors;
		expect(colors.rgb_hex_colors).toHaveLength(4);
		expect(colors.color_names).toBeUndefined(); // names only with color_names: true (S12)
		const named = (await call('/dom_colors/generic/v2/dominantcolor', { color_names: true, records: [rec] })).json.records[0];
		expect(named._dominant_colors.color_names).toHaveLength(6);
		const det = (await call('/detection/v2/detect/', { task: 't1', keep_prob: 0.6, records: [rec] })).json.records[0];
		for (const o of det._objects) expect(o.prob).toBeGreaterThanOrEqual(0.6);
		const bg = (await call('/removebg/precise/removebg', { image_format: 'webp', records: [rec] })).json.records[0];
		expect(bg._output_url).toMatch(new RegExp(`^${sim.url}/samples/removebg/[0-9a-f]+\\.webp$`));
		const img = await fetch(bg._output_url);
		expect(img.status).toBe(200);
		// binary_mask and white_background are read per record (S8): the mask replaces _output_url
		const masked = (await call('/removebg/precise/removebg', { records: [{ ...rec, binary_mask: true, white_background: true }] })).json.records[0];
		expect(masked._output_url).toBeUndefined();
		expect(masked._output_url_mask).toMatch(/\.jpg$/);
		expect(masked._output_url_whitebg).toMatch(/\.jpg$/);
		expect((await fetch(masked._output_url_mask)).status).toBe(200);
	});

	it('fails selected records with a per-record 500 and keeps lastBody free of base64', async () => {
		sim.failRecordsWhere((r) => r._id === 'bad');
		const res = await call('/tagging/fashion/v2/tags', { profile: 'x', records: [{ _id: 'ok', _base64: b64(makeJpeg(1)) }, { _id: 'bad', _url: 'https://example.com/b.jpg' }] });
		expect(res.status).toBe(200);
		expect(res.json.status.code).toBe(200);
		expect(res.json.records[0]._status.code).toBe(200);
		expect(res.json.records[0]._tags).toBeDefined();
		expect(res.json.records[1]._status).toMatchObject({ code: 500, text: 'Processing failed' });
		const body = sim.lastBody('/tagging');
		expect(body.profile).toBe('x');
		expect(body.records[0]).toEqual({ _id: 'ok', _base64Length: b64(makeJpeg(1)).length });
		expect(sim.log[0].recordIds).toEqual(['ok', 'bad']);
	});
});

describe('faults, latency and log', () => {
	const rec = { records: [{ _id: 'x', _url: 'https://example.com/a.jpg' }] };

	it('applies queued faults in order: 429 with Retry-After, malformed, reset, delay', async () => {
		sim.queueFaults({ kind: 'status', status: 429, retryAfter: '1' }, { kind: 'malformed' }, { kind: 'reset' }, { kind: 'delay', ms: 400 });
		const throttled = await call(TCG, rec);
		expect(throttled.status).toBe(429);
		expect(throttled.headers.get('retry-after')).toBe('1');
		// samples are never faulted
		expect((await fetch(`${sim.url}/samples/card-1.png`)).status).toBe(200);
		const malformed = await call(TCG, rec);
		expect(malformed.status).toBe(200);
		expect(malformed.headers.get('content-type')).toMatch(/application\/json/);
		expect(malformed.json).toBeUndefined();
		await expect(call(TCG, rec)).rejects.toThrow();
		await expect(call(TCG, rec, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
		const normal = await call(TCG, rec);
		expect(normal.status).toBe(200);
		expect(sim.log.map((e) => [e.fault ?? null, e.status])).toEqual([
			['status', 429], [null, 200], ['malformed', 200], ['reset', 0], ['delay', 0], [null, 200],
		]);
		// the delayed answer found the client gone: nothing sent, status stays 0
	});

	it('path-specific faults only hit matching requests', async () => {
		sim.queueFaultsFor('/similarity', { kind: 'status', status: 503 });
		expect((await call(TCG, rec)).status).toBe(200);
		sim.createCollection('c1');
		const res = await call('/similarity/photos/v2/visualKNN', { query_record: { _url: 'https://example.com/a.jpg' } }, { headers: { 'collection-id': 'c1' } });
		expect(res.status).toBe(503);
		expect(res.json.detail).toEqual(expect.any(String));
	});

	it('random faults are deterministic for a seed', async () => {
		const run = async () => {
			sim.reset();
			sim.setRandomFaults({ seed: 7, rate429: 0.3, rate500: 0.2, recordFailRate: 0.5, retryAfter: '0' });
			const out: string[] = [];
			for (let i = 0; i < 12; i++) {
				const r = await call(TCG, { records: [{ _url: 'https://example.com/a.jpg' }, { _url: 'https://example.com/b.jpg' }] });
				out.push(r.status === 200 ? r.json.records.map((x: any) => x._status.code).join('+') : String(r.status));
			}
			return out;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		expect(first.some((s) => s === '429')).toBe(true);
		expect(first.some((s) => s.includes('500+') || s.includes('+500'))).toBe(true);
	});

	it('measures concurrency across the simulated latency', async () => {
		sim.latencyMs = 150;
		const t0 = Date.now();
		await Promise.all(Array.from({ length: 5 }, () => call(TCG, rec)));
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		expect(sim.maxInFlight).toBe(5);
		expect(Math.max(...sim.log.map((e) => e.inFlight))).toBe(5);
		sim.reset();
		expect(sim.latencyMs).toBe(0);
		expect(sim.maxInFlight).toBe(0);
	});

	it('never records the token in the log', async () => {
		await call(TCG, rec);
		await call('/account/v2/details/', undefined, { token: 'some-secret-token' });
		const dump = JSON.stringify(sim.log) + JSON.stringify(sim.lastBody());
		expect(dump).not.toContain(sim.token);
		expect(dump).not.toContain('some-secret-token');
		expect(sim.log[0]).toMatchObject({ seq: 1, method: 'POST', path: TCG, query: '', status: 200, recordCount: 1, recordIds: ['x'] });
	});
});

describe('visual search collections', () => {
	const H = { headers: { 'collection-id': 'shop' } };
	const base = '/similarity/products/v2';

	it('requires a known collection-id header', async () => {
		const missing = await call(`${base}/visualKNN`, { query_record: { _id: 'a' } });
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ detail: 'Header collection-id is required.' });
		const unknown = await call(`${base}/visualKNN`, { query_record: { _id: 'a' } }, H);
		expect(unknown.status).toBe(404);
		expect((await call(`${base}/visualTagsKNN`, { query_record: { _id: 'a' } }, H)).status).toBe(404); // legacy fashion/home decor only
		expect((await call('/similarity/fashion-new/v2/visualKNN', { query_record: { _id: 'a' } }, H)).status).toBe(404); // visual_search there
	});

	it('inserts, searches with filters, gets, updates, deletes and pages', async () => {
		sim.createCollection('shop');
		const imgs = [1, 2, 3, 4].map((s) => makePng(16, 16, s));
		const ins = await call(`${base}/insert`, {
			records: [
				{ _id: 'a', category: 'shoes', price: 10, _base64: b64(imgs[0]) },
				{ _id: 'b', category: 'bags', price: 20, _base64: b64(imgs[1]) },
				{ _id: 'c', category: 'shoes', price: 30, _base64: b64(imgs[2]) },
				{ _id: 'd', category: 'hats', price: 40, _base64: b64(sampleBytes('svg')) },
				{ category: 'no id', _base64: b64(imgs[3]) },
			],
		}, H);
		// refused before processing: under skipped_records (no _id); unreadable image: under records with its _status
		expect(ins.json.records.map((r: any) => r._status.code)).toEqual([200, 200, 200, 400]);
		expect(ins.json.skipped_records.map((r: any) => r._status.code)).toEqual([400]);
		expect(ins.json.status.code).toBe(211);
		expect([...sim.collection('shop').keys()]).toEqual(['a', 'b', 'c']);
		expect(sim.collection('shop').get('a')).not.toHaveProperty('_base64');

		const byId = await call(`${base}/visualKNN`, { query_record: { _id: 'b' }, k: 2, fields_to_return: ['_id', 'category'] }, H);
		expect(byId.json.answer_records[0]).toEqual({ _id: 'b', category: 'bags' });
		expect(byId.json.answer_distances[0]).toBe(0);
		expect(byId.json.answer_count).toBe(2);
		expect(byId.json.answer_distances[1]).toBeGreaterThan(0);

		const byImage = await call(`${base}/visualKNN`, { query_record: { _base64: b64(imgs[2]) }, filter: { category: { $in: ['shoes'] }, price: { $gte: 20 } } }, H);
		expect(byImage.json.answer_records).toEqual([{ _id: 'c' }]);
		expect(byImage.json.answer_distances).toEqual([0]);
		const or = await call(`${base}/visualKNN`, { query_record: { _id: 'a' }, filter: { $or: [{ category: 'bags' }, { price: { $lt: 15 } }] } }, H);
		expect(or.json.answer_records.map((r: any) => r._id).sort()).toEqual(['a', 'b']);
		expect((await call(`${base}/visualKNN`, { query_record: { _id: 'a' }, filter: 'category=shoes' }, H)).status).toBe(400);
		expect((await call(`${base}/visualKNN`, { query_record: { _id: 'zzz' } }, H)).status).toBe(404);

		await call(`${base}/update`, { records: [{ _id: 'a', price: 11 }] }, H);
		const got = await call(`${base}/get`, { records: [{ _id: 'a' }, { _id: 'nope' }], fields_to_return: ['_id', 'price'] }, H);
		// get answers answer_records; missing ids are skipped with 404, the answer says "some" (206)
		expect(got.json.answer_records).toEqual([{ _id: 'a', price: 11 }]);
		expect(got.json.skipped_records).toEqual([{ _id: 'nope', _status: expect.objectContaining({ code: 404 }) }]);
		expect(got.json.status.code).toBe(206);

		// a duplicate insert is skipped with 411; all duplicates: the answer's status is 411
		const dup = await call(`${base}/insert`, { records: [{ _id: 'a', _base64: b64(imgs[0]) }] }, H);
		expect(dup.status).toBe(200);
		expect(dup.json).toMatchObject({ records: [], skipped_records: [{ _id: 'a', _status: { code: 411 } }], status: { code: 411 } });
		// capacity: records past it are skipped with 412; none inserted: HTTP 412
		sim.setCollectionCapacity('shop', 3);
		const full = await call(`${base}/insert`, { records: [{ _id: 'z', _base64: b64(imgs[3]) }] }, H);
		expect(full.status).toBe(412);
		expect(full.json.skipped_records[0]._status.code).toBe(412);

		const del = await call(`${base}/delete`, { records: [{ _id: 'b' }, { _id: 'nope' }] }, H);
		expect(del.json.records.map((r: any) => r._id)).toEqual(['b']);
		expect(del.json.skipped_records.map((r: any) => r._id)).toEqual(['nope']);
		expect(del.json.status.code).toBe(206);

		const page1 = await call(`${base}/allRecords?page=1&size=1`, undefined, H);
		expect(page1.json).toMatchObject({ answer_count: 2, answer_records: [{ _id: 'a' }] });
		expect(page1.json.next).toMatch(/page=2&size=1$/);
		const page2 = await fetch(page1.json.next, { headers: { Authorization: `Token ${sim.token}`, 'collection-id': 'shop' } });
		const p2 = (await page2.json()) as any;
		expect(p2.answer_records[0]._id).toBe('c');
		expect(p2).not.toHaveProperty('next'); // the last page has no next (S4)
		expect(sim.log.filter((e) => e.collectionId === 'shop').length).toBeGreaterThan(5);
	});
});

describe('second pass (docs/ximilar-api.md §3.2, §3.3, §8, §12, §13)', () => {
	const record = { _id: 'c', _base64: b64(makePng(64, 88, 42)) };

	it('takes a box-less _objects entry as it came, never as a detected card: nothing is identified', async () => {
		const answer = (await call(TCG, { records: [{ ...record, _objects: [{ Alphabet: 'japanese' }] }] })).json.records[0];
		expect(answer._objects).toEqual([{ Alphabet: 'japanese' }]);
		expect(answer).not.toHaveProperty('Category');
		expect(sim.creditsUsed).toBe(1); // billed all the same
	});

	it('reuses a sent box instead of detecting, with its hints pre-filled, and identifies the card', async () => {
		const box = { name: 'Card', prob: 1, bound_box: [0, 0, 64, 88], Alphabet: 'japanese', Subcategory: 'Pokemon' };
		const card = (await call(TCG, { records: [{ ...record, _objects: [box] }] })).json.records[0]._objects[0];
		expect(card.bound_box).toEqual([0, 0, 64, 88]);
		expect(card._tags.Alphabet).toEqual([expect.objectContaining({ name: 'japanese', 'pre-filled': true })]);
		expect(card._tags.Subcategory).toEqual([expect.objectContaining({ name: 'Pokemon', 'pre-filled': true })]);
		expect(card._identification.best_match.set).toMatch(/Japanese/);
	});

	it('honours a record-level Alphabet: prints of that alphabet only; an unknown one matches nothing', async () => {
		const plain = (await call(TCG, { records: [record] })).json.records[0]._objects[0];
		expect(plain._identification.best_match.set).not.toMatch(/Japanese|Chinese|Korean|Thai/);
		expect(plain._tags).not.toHaveProperty('Alphabet');
		const japanese = (await call(TCG, { records: [{ ...record, Alphabet: 'japanese' }] })).json.records[0];
		expect(japanese.Alphabet).toBe('japanese'); // echoed
		expect(japanese._objects[0]._identification.best_match.set).toMatch(/Japanese/);
		expect(japanese._objects[0]._tags.Alphabet[0]).toMatchObject({ name: 'japanese', 'pre-filled': true });
		const unknown = (await call(TCG, { records: [{ ...record, Alphabet: 'klingon' }] })).json.records[0];
		expect(unknown._objects[0]._identification).toEqual({ error: 'No match found' });
	});

	it('answers with the object\'s "Top Category" and the record\'s Category and "Graded Slab"', async () => {
		const answer = (await call('/collectibles/v2/sport_id', { records: [record] })).json.records[0];
		expect(answer._objects[0]['Top Category']).toEqual([expect.objectContaining({ name: 'Card', prob: expect.any(Number) })]);
		expect(answer.Category).toBe('Card/Sport Card');
		expect(answer['Graded Slab']).toEqual([expect.objectContaining({ name: 'no' })]);
		const slabbed = (await call(TCG, { slab_id: true, records: [record] })).json.records[0];
		expect(slabbed['Graded Slab'][0].name).toBe('yes');
	});

	it('keeps images of classification and detection when asked: _stored_image_id per record (S14)', async () => {
		for (const path of ['/recognition/v2/classify/', '/detection/v2/detect/']) {
			const kept = (await call(path, { task: 't', store_images: true, records: [record] })).json.records[0];
			expect(kept._stored_image_id).toEqual(expect.any(String));
			expect((await call(path, { task: 't', records: [record] })).json.records[0]).not.toHaveProperty('_stored_image_id');
		}
	});

	it('lists flows page by page, reads one, and runs records through a flow', async () => {
		const first = (await call('/flows/v2/flow/')).json;
		expect(first.results).toHaveLength(3);
		expect(first.results[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), description: expect.any(String), valid: true }));
		const second = (await fetch(first.next, { headers: { Authorization: `Token ${sim.token}` } }).then((r) => r.json())) as any;
		expect(second.next).toBeNull();
		const all = [...first.results, ...second.results];
		expect(all.length).toBe(first.count);
		expect((await call(`/flows/v2/flow/${all[0].id}`)).json.name).toBe(all[0].name);
		expect((await call('/flows/v2/flow/nope')).status).toBe(404);
		const answers = await Promise.all(all.filter((flow) => flow.valid).map(async (flow) => (await call('/flows/v2/process', { flow: flow.id, store_images: true, records: [record, { _id: 'd', _url: 'https://example.com/x.jpg' }] })).json));
		for (const answer of answers) {
			expect(answer.records.map((r: any) => [r._id, r._status.code, typeof r._stored_image_id])).toEqual([['c', 200, 'string'], ['d', 200, 'string']]);
		}
		const keys = answers.flatMap((answer) => Object.keys(answer.records[0]));
		expect(keys).toEqual(expect.arrayContaining(['best_label', 'labels', '_tags', '_objects']));
		const invalid = all.find((flow) => !flow.valid);
		expect((await call('/flows/v2/process', { flow: invalid.id, records: [record] })).status).toBe(400);
		expect((await call('/flows/v2/process', { records: [record] })).status).toBe(400);
	});

	it('answers upkeep without record lists when told to: only a status, or an empty body with the code as HTTP status', async () => {
		sim.createCollection('shop');
		const H = { headers: { 'collection-id': 'shop' } };
		sim.setUpkeepAnswer('statusOnly');
		const inserted = await call('/similarity/products/v2/insert', { records: [{ _id: 'a', _base64: b64(makePng(8, 8, 1)) }] }, H);
		expect([inserted.status, inserted.json]).toEqual([200, { status: { code: 210, text: 'records inserted' } }]);
		sim.setUpkeepAnswer('empty');
		const deleted = await call('/similarity/products/v2/delete', { records: [{ _id: 'a' }] }, H);
		expect([deleted.status, deleted.text]).toEqual([220, '']);
		expect(sim.collection('shop').size).toBe(0);
	});
});
