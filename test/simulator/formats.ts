/** Image format detection by magic bytes, plus width/height where the header is easy to read. */

export type ImageFormat =
	| 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff' | 'heic'
	| 'avif' | 'heif' | 'svg' | 'pdf' | 'psd' | 'jp2' | 'isobmff';

/** What Ximilar decodes (quickstart: JPG/JPEG/PNG/WEBP/HEIC/BMP/TIFF/JFIF; GIF = first frame). */
export const SUPPORTED_FORMATS: ReadonlySet<ImageFormat> = new Set<ImageFormat>(['jpeg', 'png', 'webp', 'gif', 'bmp', 'tiff', 'heic']);

const startsWith = (b: Buffer, sig: number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Buffer, at: number, len: number): string => b.toString('latin1', at, at + len);

/** ISO-BMFF (`ftyp` at offset 4): brands decide HEIC / AVIF / HEIF. */
function isoBrand(b: Buffer): ImageFormat | null {
	if (b.length < 16 || ascii(b, 4, 4) !== 'ftyp') return null;
	const size = Math.min(b.readUInt32BE(0), b.length);
	const major = ascii(b, 8, 4);
	const brands = [major];
	for (let o = 16; o + 4 <= size; o += 4) brands.push(ascii(b, o, 4));
	if (major === 'jp2 ' || major === 'jpx ') return 'jp2';
	if (major === 'avif' || major === 'avis') return 'avif';
	if (['heic', 'heix', 'heim', 'heis'].includes(major)) return 'heic';
	if (brands.some((x) => x === 'heic' || x === 'heix')) return 'heic';
	if (brands.some((x) => x === 'avif' || x === 'avis')) return 'avif';
	if (brands.some((x) => x === 'mif1' || x === 'msf1')) return 'heif';
	return 'isobmff'; // mp4/mov etc.: not an image
}

function looksLikeSvg(b: Buffer): boolean {
	const head = b.toString('utf8', 0, Math.min(b.length, 2048)).replace(/^\uFEFF/, '').trimStart();
	return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}

export function detectFormat(b: Buffer): ImageFormat | null {
	if (b.length < 4) return null;
	if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
	if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'gif';
	if (ascii(b, 0, 2) === 'BM' && b.length >= 26) return 'bmp';
	if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
	if (startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a])) return 'jp2';
	if (startsWith(b, [0xff, 0x4f, 0xff, 0x51])) return 'jp2'; // raw J2K codestream
	const iso = isoBrand(b);
	if (iso) return iso;
	if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
	if (ascii(b, 0, 4) === '8BPS') return 'psd';
	if (looksLikeSvg(b)) return 'svg';
	return null;
}

export interface Size {
	width: number;
	height: number;
}

function jpegSize(b: Buffer): Size | null {
	let o = 2;
	while (o + 9 < b.length) {
		if (b[o] !== 0xff) return null;
		const marker = b[o + 1];
		if (marker === 0xff) { o++; continue; }
		const len = b.readUInt16BE(o + 2);
		// SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return { height: b.readUInt16BE(o + 5), width: b.readUInt16BE(o + 7) };
		}
		o += 2 + len;
	}
	return null;
}

function webpSize(b: Buffer): Size | null {
	if (b.length < 30) return null;
	const chunk = ascii(b, 12, 4);
	if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
	if (chunk === 'VP8L') {
		const bits = b.readUInt32LE(21);
		return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
	return null;
}

/** Pixel size from the header, or null when it is not simple to read (TIFF, HEIC...). */
export function imageSize(b: Buffer, fmt: ImageFormat): Size | null {
	try {
		switch (fmt) {
			case 'png':
				return ascii(b, 12, 4) === 'IHDR' ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : null;
			case 'jpeg': return jpegSize(b);
			case 'gif': return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
			case 'bmp': return { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
			case 'webp': return webpSize(b);
			default: return null;
		}
	} catch {
		return null; // truncated header
	}
}

/** A PNG without IHDR or a JPEG without a frame header cannot be decoded. */
export function isDecodable(b: Buffer, fmt: ImageFormat): boolean {
	if (fmt === 'png') return b.length >= 33 && ascii(b, 12, 4) === 'IHDR';
	if (fmt === 'jpeg') return jpegSize(b) !== null;
	return true;
}
