import { makeBigImage, makePng } from '../fixtures/images';
import { imageFingerprint } from '../../nodes/Ximilar/records/imageFingerprint';

describe('imageFingerprint', () => {
	const image = makeBigImage(200_000, 1);

	it('is the same for the same bytes, and differs with the length, the head, the tail or a sampled window', () => {
		expect(imageFingerprint(Buffer.from(image))).toBe(imageFingerprint(image));
		const changedAt = (offset: number) => {
			const other = Buffer.from(image);
			other[offset] ^= 1;
			return imageFingerprint(other);
		};
		for (const offset of [0, 1023, 1024, image.length - 1]) expect(changedAt(offset)).not.toBe(imageFingerprint(image));
		expect(imageFingerprint(image.subarray(0, image.length - 1))).not.toBe(imageFingerprint(image));
	});

	it('reads only part of a large image: a byte between its windows leaves it unchanged (so equal keys are compared byte for byte)', () => {
		const other = Buffer.from(image);
		other[1024 + 100] ^= 0xff;
		expect(imageFingerprint(other)).toBe(imageFingerprint(image));
		// A small image is read whole.
		const small = makePng(8, 8, 1);
		const changed = Buffer.from(small);
		changed[small.length - 20] ^= 1;
		expect(imageFingerprint(changed)).not.toBe(imageFingerprint(small));
	});

	it('keys bytes and base64 text apart', () => {
		const small = makePng(8, 8, 2);
		expect(imageFingerprint(small.toString('base64'))).toMatch(/^t/);
		expect(imageFingerprint(small)).toMatch(/^b/);
	});
});
