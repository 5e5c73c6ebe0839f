import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { Base64Image } from './base64Image';
import { controlWords, firstControlCharacter } from './headerValue';
import { FRONT_IMAGE, readImageSource, type ImageParameters } from './imageParameters';
import { detectImageFormat } from './imageFormat';
import { inlineImage } from './inlineBase64';
import { textParameter } from './jsonObject';
import { itemParameter } from './itemParameter';
import { andThen, type MaybeAsync } from './maybeAsync';
import type { ReusedBuffers } from './reusedBuffers';

const CONVERT_HINT = 'Convert it to JPEG, PNG or WEBP before this node (e.g. with the Edit Image node).';

/** Size of the record once serialised into the request body. */
export function recordBytes(record: IDataObject): number {
	let bytes = 2;
	for (const [key, value] of Object.entries(record)) {
		const encoded =
			typeof value === 'string'
				? value.length + 2
				: value instanceof Base64Image
					? value.encodedLength + 2
					: JSON.stringify(value).length;
		bytes += key.length + 4 + encoded;
	}
	return bytes;
}

function checkImageBytes(bytes: Uint8Array, what: string): ItemFailure | undefined {
	const detected = detectImageFormat(bytes);
	if (detected.supported) return undefined;
	if (detected.format === 'empty') {
		return inputFailure(`${what} is empty`, 'Check the node that produced the file.');
	}
	if (detected.format === 'unknown') {
		return inputFailure(`${what} is not an image`, `${detected.reason}. ${CONVERT_HINT}`);
	}
	return inputFailure(
		`${what} is in ${detected.format} format, which Ximilar cannot read`,
		`${detected.reason}. ${CONVERT_HINT}`,
	);
}

async function fromBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	memory?: ReusedBuffers,
): Promise<{ bytes: Buffer } | { base64: string } | { failure: ItemFailure }> {
	let binary;
	try {
		binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	} catch {
		const available = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
		return {
			failure: inputFailure(
				`no binary file in the property "${propertyName}"`,
				available.length
					? `This item has binary properties: ${available.join(', ')}. Set "Input Binary Field" to one of them.`
					: 'This item has no binary data. Read or download the image first, or use Image Source "Image URL".',
			),
		};
	}
	const label = binary.fileName ? `the binary file "${binary.fileName}"` : `the binary file in "${propertyName}"`;
	// n8n's memory mode: the item holds the file as base64 already, which is sent as it is.
	const inline = inlineImage(binary, memory);
	if (inline) {
		const failure = checkImageBytes(inline.bytes, label);
		inline.done();
		return failure ? { failure } : { base64: inline.base64 };
	}
	// Read through the helper: in filesystem/S3/database mode binary.data holds only a marker.
	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	const failure = checkImageBytes(buffer, label);
	return failure ? { failure } : { bytes: buffer };
}

function fromUrl(url: string): { url: string } | { failure: ItemFailure } {
	const text = url.trim();
	if (!text) {
		return { failure: inputFailure('the image URL is empty', 'Map a field holding a public http(s) link to the image.') };
	}
	// The URL parser drops line breaks and tabs silently, so two links on two lines would
	// pass as one made-up link: control characters are refused before parsing.
	const control = firstControlCharacter(text, { withC1: true });
	if (control !== undefined) {
		const what = controlWords(control);
		return {
			failure: inputFailure(
				`the image URL contains ${what}`,
				'Map one link per item. A field holding several links needs splitting first (e.g. with the Split Out node).',
			),
		};
	}
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return { failure: inputFailure(`"${text.slice(0, 100)}" is not a URL`, 'Use a full public link such as https://example.com/card.jpg.') };
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		return {
			failure: inputFailure(
				`the image URL must start with http:// or https:// (got "${parsed.protocol}")`,
				'Ximilar downloads the image itself, so it needs a public web link. For a local file, use Image Source "Binary File".',
			),
		};
	}
	// What was checked is what is sent: spaces and non-ASCII characters encoded as a browser would.
	return { url: parsed.href };
}

const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[^;,]*)*;base64,/i;

const BASE64_FIX = 'Pass raw base64 or a data URI such as data:image/jpeg;base64,/9j/...';

/**
 * Standard base64, padded: URL-safe base64 (`-` and `_`, often unpadded, as JWT-style
 * tools and some storage APIs give it) is converted, since Ximilar decodes only the
 * standard alphabet, and a decoder that skips unknown characters would read another image.
 */
function standardBase64(text: string): { base64: string } | { failure: ItemFailure } {
	const urlSafe = /[-_]/.test(text);
	if (urlSafe && /[+/]/.test(text)) {
		return {
			failure: inputFailure(
				'the base64 image mixes the standard (+ /) and URL-safe (- _) alphabets, so it cannot be decoded',
				`Encode the whole image one way. ${BASE64_FIX}`,
			),
		};
	}
	const raw = urlSafe ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw) || raw.length % 4 === 1) {
		return { failure: inputFailure('the base64 image is not valid base64', BASE64_FIX) };
	}
	return { base64: raw.padEnd(Math.ceil(raw.length / 4) * 4, '=') };
}

function fromBase64(value: string): { base64: string } | { failure: ItemFailure } {
	const text = value.trim().replace(DATA_URI, '').replace(/\s+/g, '');
	if (!text) return { failure: inputFailure('the base64 image is empty') };
	const standard = standardBase64(text);
	if ('failure' in standard) return standard;
	const failure = checkImageBytes(Buffer.from(standard.base64, 'base64'), 'the base64 image');
	return failure ? { failure } : standard;
}

type ImageRead = { bytes: Buffer } | { base64: string } | { url: string } | { failure: ItemFailure };

/** Item i's image: a file is read (later), a URL or base64 text is checked at once. */
function readImage(ctx: IExecuteFunctions, itemIndex: number, names: ImageParameters, memory?: ReusedBuffers): MaybeAsync<ImageRead> {
	const source = readImageSource(ctx, itemIndex);
	if (source === 'binary') {
		const property = textParameter(itemParameter(ctx, names.binaryField, itemIndex));
		return fromBinary(ctx, itemIndex, property, memory);
	}
	if (source === 'url') return fromUrl(textParameter(itemParameter(ctx, names.url, itemIndex)));
	return fromBase64(textParameter(itemParameter(ctx, names.base64, itemIndex)));
}

/**
 * The image part of a record (`_base64` or `_url`), read and checked for one item. `memory`:
 * reused within the run for the check of a file n8n holds as base64 (inlineBase64.ts).
 */
export async function readImageField(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: ImageParameters = FRONT_IMAGE,
	memory?: ReusedBuffers,
): Promise<{ field: IDataObject } | { failure: ItemFailure }> {
	const image = await readImage(ctx, itemIndex, names, memory);
	if ('failure' in image) return image;
	if ('url' in image) return { field: { _url: image.url } };
	return { field: { _base64: 'bytes' in image ? image.bytes.toString('base64') : image.base64 } };
}

/**
 * The same for a record that recordsBody serialises: a binary image stays bytes (a
 * Base64Image) until it is encoded straight into the request body. With `memory`, the
 * bytes are copied at once into memory reused within the run, and n8n's buffer is dropped
 * while it is young (see reusedBuffers.ts). At once for a URL or base64 text; later for a file.
 */
export function readRecordImageField(
	ctx: IExecuteFunctions,
	itemIndex: number,
	memory?: ReusedBuffers,
): MaybeAsync<{ field: IDataObject } | { failure: ItemFailure }> {
	return andThen(readImage(ctx, itemIndex, FRONT_IMAGE, memory), (image) => {
		if ('failure' in image) return image;
		if ('url' in image) return { field: { _url: image.url } };
		if (!('bytes' in image)) return { field: { _base64: image.base64 } };
		const bytes = memory ? memory.copyOf(image.bytes) : image.bytes;
		const base64 = new Base64Image(bytes, memory && ((lent) => memory.giveBack(lent)));
		return { field: { _base64: base64 as unknown as IDataObject } };
	});
}

/**
 * Whether item i's image (read again, as its record read it) is byte for byte `image`, the
 * image of a later item whose fingerprint is the same: the later item may then share its
 * result. Reading it again costs one read of a file already read once, and only for likely
 * copies; the run keeps no copy of any image to compare with.
 */
export async function sameImageAs(ctx: IExecuteFunctions, itemIndex: number, image: string | Base64Image): Promise<boolean> {
	let earlier: ImageRead;
	try {
		earlier = await readImage(ctx, itemIndex, FRONT_IMAGE);
	} catch {
		return false;
	}
	if ('failure' in earlier || 'url' in earlier) return false;
	if (typeof image === 'string') {
		return 'base64' in earlier ? earlier.base64 === image : earlier.bytes.equals(Buffer.from(image, 'base64'));
	}
	return image.sameBytes('bytes' in earlier ? earlier.bytes : Buffer.from(earlier.base64, 'base64'));
}
