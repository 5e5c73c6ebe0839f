import { SAMPLE_KINDS, sampleBytes, makeJpeg, makePng } from '../fixtures/images';
import { detectImageFormat } from '../../nodes/Ximilar/records/imageFormat';

const EXPECTED: Record<string, [string, boolean]> = {
	jpeg: ['JPEG', true],
	png: ['PNG', true],
	webp: ['WEBP', true],
	gif: ['GIF', true],
	bmp: ['BMP', true],
	tiff: ['TIFF', true],
	heic: ['HEIC', true],
	avif: ['AVIF', false],
	heif: ['HEIF', false],
	svg: ['SVG', false],
	pdf: ['PDF', false],
	psd: ['PSD', false],
	jp2: ['JPEG 2000', false],
	text: ['unknown', false],
	empty: ['empty', false],
};

describe('image format detection', () => {
	it.each(Object.entries(EXPECTED))('%s', (kind, [format, supported]) => {
		expect(SAMPLE_KINDS).toContain(kind);
		const detected = detectImageFormat(sampleBytes(kind as never));
		expect(detected).toEqual(expect.objectContaining({ format, supported }));
		if (!supported) expect(detected.reason).toEqual(expect.any(String));
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
