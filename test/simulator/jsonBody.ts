import { isAscii } from 'buffer';

import { exactBase64 } from './sources';

/**
 * A request body parsed as JSON, with a fast path for what makes bodies big: `_base64`
 * images. `JSON.parse` of a 13 MB body (ten 1 MB photos) reads every character for quotes
 * and escapes and builds ten 1.3 MB strings on V8's heap, which it then collects: most of
 * the simulator's CPU per request in the binary benchmarks, on the cores the node under test
 * runs on. Here each long `"_base64":"..."` value that is exact standard base64 (nothing
 * JSON would read differently) is cut out of the text with native searches, the rest is
 * parsed, and the values are put back as strings copied straight from the bytes. The result
 * is what `JSON.parse` gives for the same body, and a body it refuses is refused.
 */
const KEY = Buffer.from('"_base64":"', 'latin1');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Values shorter than this are left to JSON.parse (cutting them out saves nothing). */
const CUT_FROM = 4096;
/**
 * Stands for a cut-out value in the text parsed. No client can have sent it: the fast path
 * is taken only for a body without a backslash (so without a \u0000 escape), and a raw NUL
 * character is not valid JSON.
 */
const MARKER = '\u0000image';
/** The marker as it is written inside a JSON string. */
const MARKER_IN_JSON = JSON.stringify(MARKER).slice(1, -1);

export function parseJsonBody(buf: Buffer): unknown {
	const whole = () => JSON.parse(isAscii(buf) ? buf.toString('latin1') : buf.toString('utf8'));
	// A backslash may escape a quote, so the quote that ends a value is not found by a search.
	if (buf.indexOf(BACKSLASH) >= 0) return whole();
	const images: string[] = [];
	const parts: string[] = [];
	let copied = 0;
	for (let at = buf.indexOf(KEY); at >= 0; ) {
		const start = at + KEY.length;
		const end = buf.indexOf(QUOTE, start);
		if (end < 0) break; // unterminated: JSON.parse says so
		const region = buf.subarray(start, end);
		if (region.length >= CUT_FROM && isAscii(region)) {
			const text = region.toString('latin1');
			if (exactBase64(text)) {
				parts.push(buf.toString('utf8', copied, start), `${MARKER_IN_JSON}${images.length}`);
				images.push(text);
				copied = end;
			}
		}
		at = buf.indexOf(KEY, end);
	}
	if (images.length === 0) return whole();
	parts.push(buf.toString('utf8', copied));
	return JSON.parse(parts.join(''), (key, value: unknown) =>
		key === '_base64' && typeof value === 'string' && value.startsWith(MARKER) ? images[Number(value.slice(MARKER.length))] : value,
	);
}
