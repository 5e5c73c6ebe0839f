/** Demo image bytes served by `GET /samples/<name>` (no auth) and fetched in-process for `_url` records. */
import { demoCards, makeJpeg, makePng, sampleBytes, SAMPLE_KINDS, SampleKind } from '../fixtures/images';

export interface Sample {
	bytes: Buffer;
	contentType: string;
}

const EXT: Record<SampleKind, string> = {
	jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', bmp: 'bmp', tiff: 'tiff', heic: 'heic', avif: 'avif',
	heif: 'heif', svg: 'svg', pdf: 'pdf', psd: 'psd', jp2: 'jp2', text: 'txt', empty: 'bin',
};

const CONTENT_TYPE: Record<string, string> = {
	jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', bmp: 'image/bmp',
	tiff: 'image/tiff', heic: 'image/heic', avif: 'image/avif', heif: 'image/heif', svg: 'image/svg+xml',
	pdf: 'application/pdf', psd: 'image/vnd.adobe.photoshop', jp2: 'image/jp2', txt: 'text/plain',
	bin: 'application/octet-stream',
};

const contentTypeOf = (name: string): string =>
	CONTENT_TYPE[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

/**
 * Names: card-1.png .. card-5.png, sample.<ext> for every SampleKind (sample.jpg, sample.svg,
 * sample.txt, sample.bin = empty ...), bad.<ext> aliases for the unsupported ones, and
 * removebg/<hex>.<png|jpg|webp> (the `_output_url` of background removal),
 * upscaled/<hex>-<n>x.<ext> (the upscaler's `_upscaled_image_url`) and cards/<hex>-<kind>.jpg (card images of the grader).
 */
export class SampleStore {
	private readonly fixed = new Map<string, Buffer>();

	constructor() {
		for (const c of demoCards()) this.fixed.set(c.fileName, c.buffer);
		for (const k of SAMPLE_KINDS) this.fixed.set(`sample.${EXT[k]}`, sampleBytes(k));
		for (const k of ['avif', 'heif', 'svg', 'pdf', 'psd', 'jp2', 'text'] as SampleKind[]) {
			this.fixed.set(`bad.${EXT[k]}`, sampleBytes(k));
		}
	}

	names(): string[] {
		return [...this.fixed.keys()];
	}

	get(name: string): Sample | undefined {
		const fixed = this.fixed.get(name);
		if (fixed) return { bytes: fixed, contentType: contentTypeOf(name) };
		const m = /^(removebg|upscaled|cards)\/([0-9a-f]{8,40})(?:-(\d)x|-(full|exact))?\.(png|jpg|jpeg|webp)$/.exec(name);
		if (!m) return undefined;
		const seed = parseInt(m[2].slice(0, 8), 16) + Number(m[3] ?? 0) + (m[4] === 'full' ? 1 : 0);
		const side = m[3] ? 32 * Number(m[3]) : 64;
		const ext = m[5];
		const bytes = ext === 'png' ? makePng(side * 2, side * 2, seed) : ext === 'webp' ? sampleBytes('webp') : makeJpeg(seed, side, side);
		return { bytes, contentType: contentTypeOf(name) };
	}
}
