/**
 * Image format detection from the first bytes of a file. Ximilar bills every record it
 * receives, including ones it cannot decode, so the node refuses formats Ximilar does not
 * read before they cost a credit.
 */
export interface DetectedFormat {
	/** Short name shown to users: 'JPEG', 'PNG', 'SVG', ... or 'unknown'. */
	format: string;
	supported: boolean;
	/** Why the format cannot be sent, when it cannot. */
	reason?: string;
	/**
	 * The MIME type of a picture (a raster image, sent to Ximilar or not), named from the
	 * bytes: what a downloaded result image is stored as, whatever its server claimed.
	 * None for files that are not pictures (SVG drawings, PDF, PSD, video, anything else).
	 */
	mimeType?: string;
}

const MIME_TYPES: Record<string, string> = {
	JPEG: 'image/jpeg',
	PNG: 'image/png',
	WEBP: 'image/webp',
	GIF: 'image/gif',
	BMP: 'image/bmp',
	TIFF: 'image/tiff',
	HEIC: 'image/heic',
	HEIF: 'image/heif',
	AVIF: 'image/avif',
	'JPEG 2000': 'image/jp2',
};

const withMime = (detected: DetectedFormat): DetectedFormat =>
	MIME_TYPES[detected.format] ? { ...detected, mimeType: MIME_TYPES[detected.format] } : detected;

const SUPPORTED = (format: string): DetectedFormat => withMime({ format, supported: true });
const UNSUPPORTED = (format: string, reason: string): DetectedFormat => withMime({
	format,
	supported: false,
	reason,
});

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	if (bytes.length < offset + signature.length) return false;
	return signature.every((value, index) => bytes[offset + index] === value);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
	return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

/** Brands of an ISO base media file (HEIC, HEIF, AVIF): the major brand and the compatible ones. */
function isoBrands(bytes: Uint8Array): string[] | undefined {
	if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return undefined;
	const boxSize = Math.min(
		((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0,
		bytes.length,
		256,
	);
	const brands = [ascii(bytes, 8, 12)];
	for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
	return brands;
}

function detectIsoMedia(bytes: Uint8Array): DetectedFormat | undefined {
	const brands = isoBrands(bytes);
	if (!brands) return undefined;
	const [major] = brands;
	if (['avif', 'avis'].includes(major)) {
		return UNSUPPORTED('AVIF', 'Ximilar does not read AVIF images');
	}
	if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'].includes(major) || brands.includes('heic')) {
		return SUPPORTED('HEIC');
	}
	if (['mif1', 'msf1', 'heif'].includes(major)) {
		return UNSUPPORTED('HEIF', 'Ximilar reads HEIC photos but not other HEIF images');
	}
	if (brands.includes('avif')) return UNSUPPORTED('AVIF', 'Ximilar does not read AVIF images');
	return UNSUPPORTED('video or ISO media', 'this is not a still image Ximilar can read');
}

function looksLikeSvg(bytes: Uint8Array): boolean {
	const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0; // UTF-8 byte order mark
	const head = ascii(bytes, start, start + 512).trimStart().toLowerCase();
	return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}

export function detectImageFormat(bytes: Uint8Array): DetectedFormat {
	if (bytes.length === 0) return UNSUPPORTED('empty', 'the file is empty');
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return SUPPORTED('JPEG');
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return SUPPORTED('PNG');
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return SUPPORTED('WEBP');
	if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') {
		return SUPPORTED('GIF'); // Ximilar reads the first frame only
	}
	if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) return SUPPORTED('BMP');
	if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
		return SUPPORTED('TIFF');
	}
	const isoMedia = detectIsoMedia(bytes);
	if (isoMedia) return isoMedia;
	if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) {
		return UNSUPPORTED('JPEG 2000', 'Ximilar does not read JPEG 2000 (JP2) images');
	}
	if (startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])) {
		return UNSUPPORTED('JPEG 2000', 'Ximilar does not read JPEG 2000 (J2K) images');
	}
	if (ascii(bytes, 0, 5) === '%PDF-') return UNSUPPORTED('PDF', 'Ximilar does not read PDF files');
	if (ascii(bytes, 0, 4) === '8BPS') {
		return UNSUPPORTED('PSD', 'Ximilar does not read Photoshop (PSD) files');
	}
	if (looksLikeSvg(bytes)) return UNSUPPORTED('SVG', 'Ximilar does not read SVG vector images');
	return UNSUPPORTED('unknown', 'the file is not an image (its first bytes match no image format)');
}
