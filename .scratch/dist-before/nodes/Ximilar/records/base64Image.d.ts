/**
 * An image's bytes, sent base64-encoded as a record's `_base64`. JSON.stringify gives the
 * base64 text (toJSON); the request body encodes it straight into its buffer in 64 KB
 * pieces (writeTo). A 1 MB photo as one base64 string is a 1.33 MB string outside V8's
 * heap, and hundreds of those made the garbage collector the largest CPU cost per image;
 * small pieces die young and cost almost nothing to collect.
 */
export declare class Base64Image {
    readonly bytes: Buffer;
    constructor(bytes: Buffer);
    get encodedLength(): number;
    toJSON(): string;
    /** Writes the base64 text into `target` at `offset`; returns how many bytes it wrote. */
    writeTo(target: Buffer, offset: number): number;
}
