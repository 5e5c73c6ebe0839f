import { encodeBase64Into } from './base64Encode';
import { imageFingerprint } from './imageFingerprint';

/**
 * An image's bytes, sent base64-encoded as a record's `_base64`. JSON.stringify gives the
 * base64 text (toJSON); the request body has it encoded straight into its buffer (writeTo,
 * see base64Encode.ts), without a string in between.
 *
 * The bytes may be memory lent for the run (reusedBuffers.ts): once the image is
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
		return encodeBase64Into(this.readable(), target, offset);
	}

	/** Its key among the images of a run (imageFingerprint.ts). */
	fingerprint(): string {
		return imageFingerprint(this.readable());
	}

	/** Whether these are the same bytes as `other`. */
	sameBytes(other: Uint8Array): boolean {
		return this.readable().equals(other);
	}

	/** The image is in its request body: lent memory may take the next one (own bytes stay readable). */
	release(): void {
		if (this.released || !this.onRelease) return;
		this.released = true;
		this.onRelease(this.bytes);
	}
}
