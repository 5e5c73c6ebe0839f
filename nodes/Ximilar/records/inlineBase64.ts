import type { IBinaryData } from 'n8n-workflow';

import type { ReusedBuffers } from './reusedBuffers';

/** An item's file as the base64 text n8n holds, and its bytes decoded into memory lent for the check. */
export interface InlineImage {
	base64: string;
	bytes: Buffer;
	/** The decoded bytes are no longer read: their memory takes the next image. */
	done(): void;
}

/**
 * The file of an item that n8n keeps in memory (binary data mode "default", n8n 1.x's
 * default): the item itself holds the file as base64 text, which can go into the request
 * body as it is, with no decoding and encoding again. A binary with an `id` is kept
 * elsewhere (filesystem, S3, database): its `data` is only a marker, and it is read through
 * n8n's helper. So is anything that is not exact standard base64 (whitespace, the URL-safe
 * alphabet, a stray character): the helper's decoder would skip such characters, and the
 * body must hold nothing a JSON string would have to escape.
 *
 * Exact means: decoded (natively, into lent memory, about 0.1 ms per MB) it gives exactly
 * the bytes its length promises. Any skipped or misplaced character gives fewer.
 */
export function inlineImage(binary: IBinaryData, memory?: ReusedBuffers): InlineImage | undefined {
	if (binary.id !== undefined && binary.id !== null) return undefined;
	const text: unknown = binary.data;
	if (typeof text !== 'string' || text.length === 0 || text.length % 4 !== 0) return undefined;
	// Node's decoder also reads the URL-safe alphabet, which Ximilar does not.
	if (text.includes('-') || text.includes('_')) return undefined;
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	const expected = (text.length / 4) * 3 - padding;
	const bytes = memory ? memory.take(expected) : Buffer.allocUnsafe(expected);
	const done = () => memory?.giveBack(bytes);
	if (bytes.write(text, 0, 'base64') !== expected) {
		done();
		return undefined;
	}
	return { base64: text, bytes, done };
}
