import { planBatches, type Batch } from '../../nodes/Ximilar/execution/batches';
import type { Prepared } from '../../nodes/Ximilar/records/imageRecord';

async function collect(
	sizes: Array<number | 'bad'>,
	limits = { maxRecords: 10, maxBytes: 1_000 },
	prepared: number[] = [],
): Promise<{ batches: number[][]; refused: number[] }> {
	const refused: number[] = [];
	const batches: Batch[] = [];
	const prepare = async (i: number): Promise<Prepared> => {
		prepared.push(i);
		const size = sizes[i];
		return size === 'bad' ? { failure: { kind: 'input', message: 'bad' } } : { record: { i }, bytes: size };
	};
	for await (const batch of planBatches(sizes.length, prepare, limits, (i) => refused.push(i))) batches.push(batch);
	return { batches: batches.map((batch) => batch.itemIndexes), refused };
}

describe('batch planning', () => {
	it('fills batches up to the record limit, in order', async () => {
		const { batches } = await collect(Array(23).fill(1));
		expect(batches.map((b) => b.length)).toEqual([10, 10, 3]);
		expect(batches.flat()).toEqual(Array.from({ length: 23 }, (_, i) => i));
	});

	it('skips refused items without leaving a gap', async () => {
		const sizes: Array<number | 'bad'> = Array(12).fill(1);
		sizes[2] = 'bad';
		sizes[5] = 'bad';
		const { batches, refused } = await collect(sizes);
		expect(refused).toEqual([2, 5]);
		expect(batches).toEqual([[0, 1, 3, 4, 6, 7, 8, 9, 10, 11]]);
	});

	it('closes a batch before it passes the byte limit; an oversized record goes alone', async () => {
		const { batches } = await collect([400, 400, 400, 1500, 100, 100]);
		expect(batches).toEqual([[0, 1], [2], [3], [4, 5]]);
	});

	it('prepares items only as batches are pulled', async () => {
		const prepared: number[] = [];
		const refused: number[] = [];
		const generator = planBatches(
			30,
			async (i) => {
				prepared.push(i);
				return { record: { i }, bytes: 1 };
			},
			{ maxRecords: 10, maxBytes: 1000 },
			(i) => refused.push(i),
		);
		await generator.next();
		// The first batch needed items 0-10 (item 10 showed the batch was full), no more.
		expect(prepared).toEqual(Array.from({ length: 11 }, (_, i) => i));
	});
});

describe('request body', () => {
	it('serialises fields and records into the same JSON an object body would give', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { recordsBody } = require('../../nodes/Ximilar/execution/sendRecords');
		const fields = { pricing: true, lang: 'en' };
		const records = [{ _id: 'a', _base64: 'QUJD' }, { _url: 'https://x/y "q".jpg', extra: { n: 1 } }];
		expect(JSON.parse(recordsBody(fields, records).toString())).toEqual({ ...fields, records });
		expect(JSON.parse(recordsBody({}, []).toString())).toEqual({ records: [] });
	});
});
