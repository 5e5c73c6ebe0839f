"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordBytes = recordBytes;
exports.readImageField = readImageField;
const itemFailure_1 = require("../failures/itemFailure");
const imageFormat_1 = require("./imageFormat");
const jsonObject_1 = require("./jsonObject");
const itemParameter_1 = require("./itemParameter");
const CONVERT_HINT = 'Convert it to JPEG, PNG or WEBP before this node (e.g. with the Edit Image node).';
/** Size of the record once serialised into the request body. */
function recordBytes(record) {
    let bytes = 2;
    for (const [key, value] of Object.entries(record)) {
        const encoded = typeof value === 'string' ? value.length + 2 : JSON.stringify(value).length;
        bytes += key.length + 4 + encoded;
    }
    return bytes;
}
function checkImageBytes(bytes, what) {
    const detected = (0, imageFormat_1.detectImageFormat)(bytes);
    if (detected.supported)
        return undefined;
    if (detected.format === 'empty') {
        return (0, itemFailure_1.inputFailure)(`${what} is empty`, 'Check the node that produced the file.');
    }
    if (detected.format === 'unknown') {
        return (0, itemFailure_1.inputFailure)(`${what} is not an image`, `${detected.reason}. ${CONVERT_HINT}`);
    }
    return (0, itemFailure_1.inputFailure)(`${what} is in ${detected.format} format, which Ximilar cannot read`, `${detected.reason}. ${CONVERT_HINT}`);
}
async function fromBinary(ctx, itemIndex, propertyName) {
    let binary;
    try {
        binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
    }
    catch {
        const available = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
        return {
            failure: (0, itemFailure_1.inputFailure)(`no binary file in the property "${propertyName}"`, available.length
                ? `This item has binary properties: ${available.join(', ')}. Set "Input Binary Field" to one of them.`
                : 'This item has no binary data. Read or download the image first, or use Image Source "Image URL".'),
        };
    }
    // Read through the helper: in filesystem/S3/database mode binary.data holds only a marker.
    const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
    const label = binary.fileName ? `the binary file "${binary.fileName}"` : `the binary file in "${propertyName}"`;
    const failure = checkImageBytes(buffer, label);
    return failure ? { failure } : { base64: buffer.toString('base64') };
}
function fromUrl(url) {
    const text = url.trim();
    if (!text) {
        return { failure: (0, itemFailure_1.inputFailure)('the image URL is empty', 'Map a field holding a public http(s) link to the image.') };
    }
    let parsed;
    try {
        parsed = new URL(text);
    }
    catch {
        return { failure: (0, itemFailure_1.inputFailure)(`"${text.slice(0, 100)}" is not a URL`, 'Use a full public link such as https://example.com/card.jpg.') };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return {
            failure: (0, itemFailure_1.inputFailure)(`the image URL must start with http:// or https:// (got "${parsed.protocol}")`, 'Ximilar downloads the image itself, so it needs a public web link. For a local file, use Image Source "Binary File".'),
        };
    }
    return { url: text };
}
const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[^;,]*)*;base64,/i;
function fromBase64(value) {
    const raw = value.trim().replace(DATA_URI, '').replace(/\s+/g, '');
    if (!raw)
        return { failure: (0, itemFailure_1.inputFailure)('the base64 image is empty') };
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw) || raw.length % 4 === 1) {
        return {
            failure: (0, itemFailure_1.inputFailure)('the base64 image is not valid base64', 'Pass raw base64 or a data URI such as data:image/jpeg;base64,/9j/...'),
        };
    }
    const failure = checkImageBytes(Buffer.from(raw, 'base64'), 'the base64 image');
    return failure ? { failure } : { base64: raw };
}
const FRONT_IMAGE = { binaryPropertyName: 'binaryPropertyName', imageUrl: 'imageUrl', base64Image: 'base64Image' };
/** The image part of a record (`_base64` or `_url`), read and checked for one item. */
async function readImageField(ctx, itemIndex, names = FRONT_IMAGE) {
    const source = (0, itemParameter_1.itemParameter)(ctx, 'imageSource', itemIndex);
    let result;
    if (source === 'binary') {
        const property = (0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, names.binaryPropertyName, itemIndex, 'data'));
        result = await fromBinary(ctx, itemIndex, property);
    }
    else if (source === 'url') {
        result = fromUrl((0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, names.imageUrl, itemIndex, '')));
    }
    else {
        result = fromBase64((0, jsonObject_1.textParameter)((0, itemParameter_1.itemParameter)(ctx, names.base64Image, itemIndex, '')));
    }
    if ('failure' in result)
        return result;
    return { field: 'url' in result ? { _url: result.url } : { _base64: result.base64 } };
}
