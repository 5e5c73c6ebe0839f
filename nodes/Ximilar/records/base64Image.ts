/** Input bytes per piece: a multiple of 3, so pieces encode without padding; 64 KB of text each. */
const PIECE = 3 * 16 * 1024;

/**
 * An image's bytes, sent base64-encoded as a record's `_base64`. JSON.stringify gives the
 * base64 text (toJSON); the request body encodes it straight into its buffer in 64 KB
 * pieces (writeTo). A 1 MB photo as one base64 string is a 1.33 MB string outside V8's
 * heap, and hundreds of those made the garbage collector the largest CPU cost per image;
 * small pieces die young and cost almost nothing to collect.
 *
 * The bytes may be memory lent for the run (execution/reusedBuffers.ts): once the image is
 * written into its request body, `release` gives it back, and the image cannot be read again.
 */
export class Base64Image {
	private released = false;

	constructor(
		private readonly bytes: Buffer,
		private readonly onRelease?: (bytes: Buffer) => void,
	) {}

	get encodedLength(): number {
		return Math.ceil(this.bytes.length / 3) * 4;
	}

	private readable(): Buffer {
		if (this.released) throw new Error('internal error: an image was read after its memory was given back');
		return this.bytes;
	}

	toJSON(): string {
		return this.readable().toString('base64');
	}

	/** Writes the base64 text into `target` at `offset`; returns how many bytes it wrote. */
	writeTo(target: Buffer, offset: number): number {
		const bytes = this.readable();
		let written = 0;
		for (let start = 0; start < bytes.length; start += PIECE) {
			const piece = bytes.toString('base64', start, Math.min(start + PIECE, bytes.length));
			written += target.write(piece, offset + written, 'latin1');
		}
		return written;
	}

	/** The image is in its request body: lent memory may take the next one (own bytes stay readable). */
	release(): void {
		if (this.released || !this.onRelease) return;
		this.released = true;
		this.onRelease(this.bytes);
	}
}
