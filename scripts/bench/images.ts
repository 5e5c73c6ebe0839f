/** The bench's binary input: distinct 1 MB pictures made without hundreds of MB of copies. */
import { makeBigImage, makeJpeg } from '../../test/fixtures/images';
import type { InputFile, InputItem } from '../../test/harness/engine';

/**
 * Binary items: about 1 MB PNGs (valid images padded with a text chunk), every one distinct
 * (the node sends a picture it has seen in the run only once), or small JPEGs (`small`, for
 * warming up).
 */
export function binaryItems(count: number, small = false): InputItem[] {
	return Array.from({ length: count }, (_, i) => ({
		json: { id: `photo-${i}` },
		binary: { data: small ? { data: makeJpeg(i), mimeType: 'image/jpeg', fileName: `photo-${i}.jpg` } : bigImageFile(i) },
	}));
}

/** Twenty 1 MB PNGs (valid images padded with a text chunk), made once per process. */
let baseImages: Buffer[] | undefined;

/**
 * A distinct 1 MB file: one of twenty images with nine bytes of its own in its text chunk (the
 * node sends a picture it has seen in the run only once; an image's format is read from its
 * first bytes, and the simulator keys images by their bytes). Stored in pieces, no copy made:
 * hundreds of MB of copies, left as garbage for the measured run, had V8 collecting far more
 * often than in an n8n whose uploads were stored long before. In memory mode n8n holds the
 * base64 text (made once from the joined pieces, when stored).
 */
export function bigImageFile(i: number): InputFile {
	baseImages ??= Array.from({ length: 20 }, (_, seed) => makeBigImage(1_000_000, seed + 1));
	const base = baseImages[i % baseImages.length];
	// At a multiple of 3 inside the text chunk's filler: the base64 groups of the pieces align.
	const at = 99;
	const own = Buffer.from(String(i).padStart(9, '0'), 'latin1');
	const pieces = [base.subarray(0, at), own, base.subarray(at + own.length)];
	return {
		get data() {
			return Buffer.concat(pieces);
		},
		pieces,
		mimeType: 'image/png',
		fileName: `photo-${i}.png`,
	};
}
