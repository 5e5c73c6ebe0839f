/** Memory reused within a run for image bytes and request bodies (records/reusedBuffers.ts). */
import { ReusedBuffers } from '../../nodes/Ximilar/records/reusedBuffers';

const KB = 1024;

describe('reused buffers', () => {
	it('lends memory given back to the next request of about its size, and never memory still lent', () => {
		const memory = new ReusedBuffers();
		const first = memory.take(900 * KB);
		const second = memory.take(900 * KB);
		expect(first.buffer).not.toBe(second.buffer);
		memory.giveBack(first);
		const third = memory.take(950 * KB); // fits the 960 KB buffer (900 KB, rounded up to 64 KB steps) the first one was a view of
		expect(third.buffer).toBe(first.buffer);
		expect(third.length).toBe(950 * KB);
		expect(memory.take(900 * KB).buffer).not.toBe(second.buffer); // the second is still lent
	});

	it('does not lend a large free buffer for a much smaller request, nor pool small ones', () => {
		const memory = new ReusedBuffers();
		const body = memory.take(13 * 1024 * KB);
		memory.giveBack(body);
		expect(memory.take(1024 * KB).buffer).not.toBe(body.buffer);
		expect(memory.take(13 * 1024 * KB).buffer).toBe(body.buffer);
		const small = memory.take(10 * KB);
		memory.giveBack(small);
		expect(memory.take(10 * KB).byteOffset === small.byteOffset && memory.take(10 * KB).buffer === small.buffer).toBe(false);
	});

	it('copies bytes exactly, and ignores what it did not lend or what was given back twice', () => {
		const memory = new ReusedBuffers();
		const bytes = Buffer.from(Array.from({ length: 100 * KB }, (_, i) => (i * 13) % 256));
		const copy = memory.copyOf(bytes);
		expect(copy.equals(bytes)).toBe(true);
		memory.giveBack(copy);
		memory.giveBack(copy);
		memory.giveBack(Buffer.alloc(100 * KB));
		const a = memory.take(100 * KB);
		const b = memory.take(100 * KB);
		expect(a.buffer).toBe(copy.buffer);
		expect(b.buffer).not.toBe(copy.buffer);
	});
});
