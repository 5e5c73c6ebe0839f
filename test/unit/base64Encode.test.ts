/** The allocation-free base64 encoder used for images in request bodies (records/base64Encode.ts). */
import { encodeBase64Into } from '../../nodes/Ximilar/records/base64Encode';

/** Deterministic bytes (every value 0-255 occurs), so a failure can be reproduced. */
function bytesOf(length: number, seed: number): Buffer {
	return Buffer.from(Array.from({ length }, (_, i) => (i * 97 + seed * 31 + (i >> 3)) & 255));
}

describe('base64 encoding into a buffer', () => {
	it('writes exactly what Node writes, for every length mod 12 and any offset, and nothing around it', () => {
		const lengths = [...Array.from({ length: 40 }, (_, i) => i), 255, 256, 257, 49151, 49152, 49153, 1_000_000];
		for (const length of lengths) {
			const bytes = bytesOf(length, length);
			const expected = bytes.toString('base64');
			for (const offset of [0, 1, 3, 7]) {
				const target = Buffer.alloc(offset + expected.length + 5, 0x2a);
				const written = encodeBase64Into(bytes, target, offset);
				expect(written).toBe(expected.length);
				expect(target.toString('latin1', offset, offset + written)).toBe(expected);
				expect([...target.subarray(0, offset), ...target.subarray(offset + written)].every((byte) => byte === 0x2a)).toBe(true);
			}
		}
	});

	it('reads a view at any offset of a larger buffer (memory lent for the run)', () => {
		const whole = bytesOf(5000, 9);
		const view = whole.subarray(13, 13 + 3001);
		const target = Buffer.alloc(5000);
		const written = encodeBase64Into(view, target, 2);
		expect(target.toString('latin1', 2, 2 + written)).toBe(view.toString('base64'));
	});
});
