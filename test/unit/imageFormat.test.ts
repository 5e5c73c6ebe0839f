import { SAMPLE_KINDS, sampleBytes, makeJpeg, makePng } from '../fixtures/images';
import { detectImageFormat } from '../../nodes/Ximilar/records/imageFormat';

/** Format, whether Ximilar reads it, and the MIME type a downloaded file of it is stored as (none: not a picture). */
const EXPECTED: Record<string, [string, boolean, string | undefined]> = {
	jpeg: ['JPEG', true, 'image/jpeg'],
	png: ['PNG', true, 'image/png'],
	webp: ['WEBP', true, 'image/webp'],
	gif: ['GIF', true, 'image/gif'],
	bmp: ['BMP', true, 'image/bmp'],
	tiff: ['TIFF', true, 'image/tiff'],
	heic: ['HEIC', true, 'image/heic'],
	avif: ['AVIF', false, 'image/avif'],
	heif: ['HEIF', false, 'image/heif'],
	svg: ['SVG', false, undefined],
	pdf: ['PDF', false, undefined],
	psd: ['PSD', false, undefined],
	jp2: ['JPEG 2000', false, 'image/jp2'],
	text: ['unknown', false, undefined],
	empty: ['empty', false, undefined],
};

describe('image format detection', () => {
	it.each(Object.entries(EXPECTED))('%s', (kind, [format, supported, mimeType]) => {
		expect(SAMPLE_KINDS).toContain(kind);
		const detected = detectImageFormat(sampleBytes(kind as never));
		expect(detected).toEqual(expect.objectContaining({ format, supported }));
		expect(detected.mimeType).toBe(mimeType);
		if (!supported) expect(detected.reason).toEqual(expect.any(String));
	});

	it('an HTML page is no picture, whatever its name', () => {
		const detected = detectImageFormat(Buffer.from('<!DOCTYPE html><html><body>Not found</body></html>'));
		expect(detected.format).toBe('unknown');
		expect(detected.mimeType).toBeUndefined();
	});

	it('knows real encoded images', () => {
		expect(detectImageFormat(makePng(4, 4, 1)).format).toBe('PNG');
		expect(detectImageFormat(makeJpeg(1)).format).toBe('JPEG');
	});

	it('reads SVG with an XML prolog and a byte order mark', () => {
		const svg = Buffer.from('\uFEFF<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
		expect(detectImageFormat(svg).format).toBe('SVG');
	});
});
