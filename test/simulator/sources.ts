/**
 * Resolves a record's image source (`_url` or `_base64`) to a hash key, format and size,
 * or to the per-record `_status` error Ximilar would report for that record alone.
 */
import { detectFormat, imageSize, isDecodable, ImageFormat, SUPPORTED_FORMATS } from './formats';
import { SampleStore } from './samples';
import { Rng, sha1Hex } from './util';

export interface RecordStatus {
	code: number;
	text: string;
}

export interface ResolvedImage {
	ok: true;
	/** sha1 of the image bytes, or of the URL string for URLs we do not really fetch */
	key: string;
	format: ImageFormat;
	width: number;
	height: number;
	source: 'base64' | 'url';
}

export interface ImageError {
	ok: false;
	status: RecordStatus;
}

export interface SourceContext {
	/** e.g. 'http://127.0.0.1:43210' — URLs on it are served from the sample store */
	selfUrl: string;
	samples: SampleStore;
}

const err = (code: number, text: string): ImageError => ({ ok: false, status: { code, text } });

// [guess] the exact texts and codes are undocumented (contract section 6); 400 + a readable text.
export const NO_SOURCE = 'No image source (_url or _base64)';
export const TWO_SOURCES = 'Only one image source (_url or _base64) is allowed';
export const NOT_DECODED = 'Image could not be decoded';
export const NOT_DOWNLOADED = 'Image could not be downloaded from URL';
export const BAD_URL = 'Invalid image URL (only http and https are supported)';

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Memory that images are decoded into, one after another (see decodedView). */
let scratch = Buffer.allocUnsafe(0);

/**
 * `text` decoded by Node's base64 decoder into memory the next call writes over: what is
 * read from an image (format, size, key) is read before the next is decoded. A megabyte
 * allocated per image made V8 collect garbage for longer than the simulator parsed.
 */
export function decodedView(text: string): Buffer {
	const room = Math.ceil(text.length / 4) * 3;
	if (scratch.length < room) scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
	return scratch.subarray(0, scratch.write(text, 'base64'));
}

/**
 * The bytes of `value` when it is exact standard base64 (valid until the next image is
 * decoded: see decodedView). Node's decoder skips characters outside the alphabet, so a text
 * that decodes to its full length (3 bytes per 4 characters, less the padding) has none,
 * apart from base64url's '-' and '_', which it also takes. Scanning megabytes with regexes
 * was most of the simulator's CPU per request, on the cores the node under test runs on.
 */
export function exactBase64(value: string): Buffer | undefined {
	if (value.length === 0 || value.length % 4 !== 0 || value.indexOf('-') >= 0 || value.indexOf('_') >= 0) return undefined;
	const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
	const buf = decodedView(value);
	return buf.length > 0 && buf.length === (value.length / 4) * 3 - padding ? buf : undefined;
}

/** An image's bytes (valid until the next image is decoded: see decodedView), or null. */
export function decodeBase64(value: string): Buffer | null {
	// Fast path for plain base64 (what clients send); the rest is read as Ximilar would.
	const exact = exactBase64(value);
	if (exact) return exact;
	let s = value.trim();
	const dataUri = /^data:[\w.+/-]*(;[\w=.-]+)*;base64,/i.exec(s);
	if (dataUri) s = s.slice(dataUri[0].length);
	s = s.replace(/\s+/g, '');
	if (s.length === 0 || s.length % 4 === 1 || !BASE64_RE.test(s)) return null;
	const buf = Buffer.from(s, 'base64');
	return buf.length > 0 ? buf : null;
}

/** Images above this size are keyed by their length, head and tail only. */
const SAMPLED_FROM = 256 * 1024;

/**
 * What an image's key is computed from: all its bytes, or for a large image its length with
 * its first and last 64 KB. Hashing every byte of ten 1 MB photos was a sixth of the
 * simulator's CPU per request, on the cores the node under test runs on; photos that share
 * head, tail and length are not a case the simulator needs to tell apart.
 */
function identityBytes(bytes: Buffer): Buffer {
	if (bytes.length <= SAMPLED_FROM) return bytes;
	const length = Buffer.alloc(8);
	length.writeBigUInt64BE(BigInt(bytes.length));
	return Buffer.concat([length, bytes.subarray(0, 65536), bytes.subarray(bytes.length - 65536)]);
}

function fromBytes(bytes: Buffer, source: 'base64' | 'url'): ResolvedImage | ImageError {
	const format = detectFormat(bytes);
	if (!format || !isDecodable(bytes, format)) return err(400, NOT_DECODED);
	if (!SUPPORTED_FORMATS.has(format)) return err(400, `Unsupported image format: ${format}`);
	const key = sha1Hex(identityBytes(bytes));
	const size = imageSize(bytes, format) ?? plausibleSize(key);
	return { ok: true, key, format, width: size.width, height: size.height, source };
}

function plausibleSize(key: string): { width: number; height: number } {
	const rng = new Rng(`size:${key}`);
	const width = rng.int(600, 1024);
	return { width, height: Math.round(width * rng.pick([1, 1.25, 1.4, 0.75])) };
}

function fromUrl(value: string, ctx: SourceContext): ResolvedImage | ImageError {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return err(400, BAD_URL);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return err(400, BAD_URL);
	const host = url.hostname.toLowerCase();
	if (host.endsWith('.invalid') || host.includes('unreachable')) return err(400, NOT_DOWNLOADED);
	const self = new URL(ctx.selfUrl);
	const isSelf = (host === self.hostname || host === 'localhost') && url.port === self.port;
	if (isSelf && url.pathname.startsWith('/samples/')) {
		const sample = ctx.samples.get(decodeURIComponent(url.pathname.slice('/samples/'.length)));
		return sample ? fromBytes(sample.bytes, 'url') : err(400, NOT_DOWNLOADED);
	}
	// Any other public URL stands for a fetchable JPEG; results derive from the URL string.
	const key = sha1Hex(url.href);
	return { ok: true, key, format: 'jpeg', ...plausibleSize(key), source: 'url' };
}

export function resolveImage(record: Record<string, unknown>, ctx: SourceContext): ResolvedImage | ImageError {
	const hasUrl = record._url !== undefined && record._url !== null;
	const hasB64 = record._base64 !== undefined && record._base64 !== null;
	if (!hasUrl && !hasB64) return err(400, NO_SOURCE);
	if (hasUrl && hasB64) return err(400, TWO_SOURCES);
	if (hasUrl) return typeof record._url === 'string' ? fromUrl(record._url, ctx) : err(400, BAD_URL);
	if (typeof record._base64 !== 'string') return err(400, NOT_DECODED);
	const bytes = decodeBase64(record._base64);
	return bytes ? fromBytes(bytes, 'base64') : err(400, NOT_DECODED);
}
