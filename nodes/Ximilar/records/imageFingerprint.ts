/** Bytes (or base64 characters) read at each end of an image for its fingerprint. */
const EDGE = 1024;
/** Evenly spaced windows read between the two ends, and their width. */
const WINDOWS = 32;
const WINDOW = 32;

/**
 * A short key of an image, read from its length, its head, its tail and 32 small windows
 * between: 3 KB of it, whatever its size, so that finding the images a run has seen
 * before costs next to nothing (hashing every byte of a 1 MB photo costs more than the rest
 * of the node's work on it). Two images with different keys differ; two with the same key
 * are only likely the same, and are compared byte for byte before one is taken for the other.
 *
 * Bytes and base64 text are keyed apart (a `b` or `t` in front): the same picture as a file
 * and as text gets two keys, and is simply sent twice.
 */
export function imageFingerprint(image: Uint8Array | string): string {
	const text = typeof image === 'string';
	const length = image.length;
	let h1 = 0x9e3779b9 ^ length;
	let h2 = 0x85ebca6b ^ length;
	const mix = (from: number, to: number) => {
		for (let index = from; index < to; index++) {
			const code = text ? (image as string).charCodeAt(index) : (image as Uint8Array)[index];
			h1 = Math.imul(h1 ^ code, 2654435761);
			h2 = Math.imul(h2 ^ code, 1597334677);
		}
	};
	if (length <= 2 * EDGE + WINDOWS * WINDOW) {
		mix(0, length);
	} else {
		mix(0, EDGE);
		const step = Math.floor((length - 2 * EDGE) / WINDOWS);
		for (let window = 0; window < WINDOWS; window++) {
			const start = EDGE + window * step;
			mix(start, start + WINDOW);
		}
		mix(length - EDGE, length);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return `${text ? 't' : 'b'}${length.toString(36)}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}
