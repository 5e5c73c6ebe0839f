"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Base64Image = void 0;
/** Input bytes per piece: a multiple of 3, so pieces encode without padding; 64 KB of text each. */
const PIECE = 3 * 16 * 1024;
/**
 * An image's bytes, sent base64-encoded as a record's `_base64`. JSON.stringify gives the
 * base64 text (toJSON); the request body encodes it straight into its buffer in 64 KB
 * pieces (writeTo). A 1 MB photo as one base64 string is a 1.33 MB string outside V8's
 * heap, and hundreds of those made the garbage collector the largest CPU cost per image;
 * small pieces die young and cost almost nothing to collect.
 */
class Base64Image {
    constructor(bytes) {
        this.bytes = bytes;
    }
    get encodedLength() {
        return Math.ceil(this.bytes.length / 3) * 4;
    }
    toJSON() {
        return this.bytes.toString('base64');
    }
    /** Writes the base64 text into `target` at `offset`; returns how many bytes it wrote. */
    writeTo(target, offset) {
        let written = 0;
        for (let start = 0; start < this.bytes.length; start += PIECE) {
            const piece = this.bytes.toString('base64', start, Math.min(start + PIECE, this.bytes.length));
            written += target.write(piece, offset + written, 'latin1');
        }
        return written;
    }
}
exports.Base64Image = Base64Image;
