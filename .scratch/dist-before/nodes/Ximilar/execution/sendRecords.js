"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordsBody = recordsBody;
exports.recordsSender = recordsSender;
const request_1 = require("../transport/request");
/**
 * The request body as bytes: `{...fields, "records": [...]}`, serialised once into one
 * buffer. A batch of ten 1 MB photos is ~13 MB of base64; handing n8n an object would make
 * it hold the strings, a JSON copy and a Buffer copy at once for every request in flight.
 * The `_base64` strings are copied in as they are, not through JSON.stringify: they come
 * from readImageField (Node's own encoding, or input checked against the base64 alphabet),
 * so there is nothing to escape, and scanning megabytes for it was most of the CPU an image cost.
 */
function recordsBody(fields, records) {
    const envelope = JSON.stringify({ ...fields, records: [] });
    // Each record as JSON text around its image: [text before, base64, text after].
    const parts = [envelope.slice(0, -2)];
    records.forEach((record, index) => {
        const { _base64: base64, ...rest } = record;
        const comma = index ? ',' : '';
        if (typeof base64 !== 'string') {
            parts.push(`${comma}${JSON.stringify(record)}`, '', '');
            return;
        }
        const json = JSON.stringify(rest);
        parts.push(`${comma}${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"_base64":"`, base64, '"}');
    });
    parts.push(']}');
    let length = 0;
    parts.forEach((part, index) => (length += isImage(index) ? part.length : Buffer.byteLength(part)));
    const body = Buffer.allocUnsafe(length);
    let offset = 0;
    parts.forEach((part, index) => (offset += body.write(part, offset, isImage(index) ? 'latin1' : 'utf8')));
    return body;
}
/** parts[0] is the envelope, then three parts per record: the base64 is the middle one. */
const isImage = (index) => index > 0 && index % 3 === 2;
/**
 * POSTs `{...target.fields, records}` to the target's path and hands back the returned
 * records. It empties `records` once they are serialised, so the image strings can be
 * freed while the request is in flight.
 */
function recordsSender(ctx, connection, policy) {
    return async ({ path, headers, fields }, records) => {
        const body = recordsBody(fields ?? {}, records);
        records.length = 0;
        const result = await (0, request_1.requestXimilar)(ctx, connection, { method: 'POST', path, body, headers }, policy);
        if (!('body' in result))
            return result;
        const returned = result.body.records;
        if (!Array.isArray(returned)) {
            return {
                failure: {
                    kind: 'api',
                    message: `Ximilar's reply from ${path} holds no "records" list`,
                    description: 'Check that the endpoint path is a Ximilar endpoint that takes records.',
                },
            };
        }
        return { records: returned };
    };
}
