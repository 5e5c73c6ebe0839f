import { MAX_OPEN_BATCHES, planBatches, targetKey, type Batch } from '../../nodes/Ximilar/engine/batching/planBatches';
import type { PreparedItem } from '../../nodes/Ximilar/records/prepared';
import { recordsBody } from '../../nodes/Ximilar/engine/batching/senders';
import { Base64Image } from '../../nodes/Ximilar/records/base64Image';

/** An item of the plan: its size in bytes and the collection it goes to, or refused. */
type Spec = number | 'bad' | { bytes: number; to: string };

async function collect(
	specs: Spec[],
	limits = { maxRecords: 10, maxBytes: 1_000 },
): Promise<{ batches: number[][]; targets: string[]; refused: number[] }> {
	const refused: number[] = [];
	const batches: Batch[] = [];
	const prepare = async (i: number): Promise<PreparedItem> => {
		const spec = specs[i];
		if (spec === 'bad') return { failure: { kind: 'input', message: 'bad' } };
		const { bytes, to } = typeof spec === 'number' ? { bytes: spec, to: 'A' } : spec;
		return { record: { _id: `r${i}` }, bytes, target: { path: '/insert', headers: { 'collection-id': to } } };
	};
	for await (const batch of planBatches(specs.length, prepare, limits, (i) => refused.push(i))) batches.push(batch);
	return {
		batches: batches.map((batch) => batch.itemIndexes),
		targets: batches.map((batch) => String(batch.target.headers?.['collection-id'])),
		refused,
	};
}

describe('batch planning', () => {
	it('fills batches up to the record limit, in order', async () => {
		const { batches } = await collect(Array(23).fill(1));
		expect(batches).toEqual([
			[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
			[10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
			[20, 21, 22],
		]);
	});

	it('skips refused items without leaving a gap', async () => {
		const sizes: Spec[] = Array(12).fill(1);
		sizes[2] = 'bad';
		sizes[5] = 'bad';
		const { batches, refused } = await collect(sizes);
		expect(refused).toEqual([2, 5]);
		expect(batches).toEqual([[0, 1, 3, 4, 6, 7, 8, 9, 10, 11]]);
	});

	it('closes a batch before it passes the byte limit; an oversized record is refused, never sent', async () => {
		const { batches, refused } = await collect([400, 400, 400, 1500, 100, 100]);
		expect(batches).toEqual([[0, 1], [2, 4, 5]]);
		expect(refused).toEqual([3]);
	});

	it('groups items alternating between two collections into one request per collection', async () => {
		const specs: Spec[] = Array.from({ length: 24 }, (_, i) => ({ bytes: 10, to: i % 2 ? 'B' : 'A' }));
		const { batches, targets } = await collect(specs);
		const evens = Array.from({ length: 12 }, (_, i) => 2 * i);
		const odds = evens.map((i) => i + 1);
		expect(batches).toEqual([evens.slice(0, 10), odds.slice(0, 10), evens.slice(10), odds.slice(10)]);
		expect(targets).toEqual(['A', 'B', 'A', 'B']);
	});

	it('sends the oldest open batch early when too many targets are open at once', async () => {
		const specs: Spec[] = Array.from({ length: MAX_OPEN_BATCHES + 1 }, (_, i) => ({ bytes: 1, to: `C${i}` }));
		const { batches } = await collect(specs);
		expect(batches).toEqual(Array.from({ length: MAX_OPEN_BATCHES + 1 }, (_, i) => [i]));
	});

	it('keeps the open batches of all targets together under one request size', async () => {
		const { batches, targets } = await collect([
			{ bytes: 400, to: 'A' },
			{ bytes: 400, to: 'B' },
			{ bytes: 400, to: 'A' },
			{ bytes: 100, to: 'B' },
		]);
		// Item 2 would make the open batches hold 1200 bytes: B's (the other target) goes out first.
		expect(batches).toEqual([[1], [0, 2], [3]]);
		expect(targets).toEqual(['B', 'A', 'B']);
	});

	it('prepares items only as batches are pulled', async () => {
		const prepared: number[] = [];
		const generator = planBatches(
			30,
			async (i) => {
				prepared.push(i);
				return { record: { i }, bytes: 1, target: { path: '/p' } };
			},
			{ maxRecords: 10, maxBytes: 1000 },
			() => undefined,
		);
		await generator.next();
		expect(prepared).toEqual(Array.from({ length: 10 }, (_, i) => i));
	});

	it('gives equal settings equal keys whatever the order of their fields', () => {
		const a = targetKey({ path: '/p', fields: { pricing: true, extra: { a: 1, b: 2 } } });
		const b = targetKey({ path: '/p', fields: { extra: { b: 2, a: 1 }, pricing: true } });
		expect(a).toBe(b);
		expect(targetKey({ path: '/p', fields: { pricing: false } })).not.toBe(targetKey({ path: '/p', fields: { pricing: true } }));
		expect(targetKey({ path: '/p', headers: { 'collection-id': 'A' } })).not.toBe(
			targetKey({ path: '/p', headers: { 'collection-id': 'B' } }),
		);
	});
});

describe('request body', () => {
	it('serialises fields and records into the same JSON an object body would give', () => {
		const fields = { pricing: true, lang: 'en' };
		const records = [{ _id: 'a', _base64: 'QUJD' }, { _url: 'https://x/y "q".jpg', extra: { n: 1 } }];
		expect(JSON.parse(recordsBody(fields, records).toString())).toEqual({ ...fields, records });
		expect(JSON.parse(recordsBody({}, []).toString())).toEqual({ records: [] });
	});

	it('copies images in without JSON.stringify yet gives the very bytes it would (unicode, quotes, images alone or last)', () => {
		const image = Buffer.from('any bytes \u00ff\u0000').toString('base64');
		const fields = { lang: 'čeština "quoted"', extra: { emoji: '🃏' } };
		const records = [
			{ _id: 'karta-ř', meta: { note: 'a "b" \\ c\n' }, _base64: image },
			{ _base64: 'QUJD' },
			{ _url: 'https://x/y "q".jpg', _id: 'ü' },
			{},
		];
		expect(recordsBody(fields, records).equals(Buffer.from(JSON.stringify({ ...fields, records })))).toBe(true);
	});

	it('encodes image bytes straight into the body, in pieces, to the same text Node gives in one go', () => {
		const sizes = [0, 1, 2, 3, 49151, 49152, 49153, 200_000];
		const images = sizes.map((size, seed) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed * 7) % 256)));
		const records = images.map((bytes, index) => ({ _id: `p-${index}`, _base64: new Base64Image(bytes) as never }));
		const expected = { records: images.map((bytes, index) => ({ _id: `p-${index}`, _base64: bytes.toString('base64') })) };
		expect(recordsBody({}, records).equals(Buffer.from(JSON.stringify(expected)))).toBe(true);
		// anything else that serialises the record (e.g. a job body) gets the same base64 text
		expect(JSON.parse(JSON.stringify(records[7]))._base64).toBe(images[7].toString('base64'));
	});
});
