/** Smaller buffers come from Node's own pool or die young: nothing to gain. */
const REUSED_FROM = 64 * 1024;
/**
 * Buffers are allocated with some room (up to an eighth more, in steps of at least 64 KB),
 * so the next image or body of about the same size fits.
 */
function allocationSize(length: number): number {
	const step = Math.max(REUSED_FROM, 2 ** Math.floor(Math.log2(length)) / 8);
	return Math.ceil(length / step) * step;
}
/** A free buffer is lent for a request at most this many times its size (a 13 MB body's memory is not lent for a 1 MB image). */
const MAX_SLACK = 2;
/** Free memory kept for reuse; the rest is left to the garbage collector. */
const KEEP_BYTES = 64 * 1024 * 1024;

/**
 * Memory for image bytes and request bodies, reused within one run of the node.
 *
 * Why: a 1 MB photo read from n8n's binary data, held until its batch of ten is sent, lives
 * long enough for V8 to move it to the old generation, and so does each 13 MB request
 * body. Memory outside V8's heap that is freed only there makes V8 run a full garbage
 * collection every few requests: measured, half of the node's CPU time for 1 MB images.
 * Copying each image at once into memory lent from here (a memcpy) lets n8n's own buffer
 * die young, and a body is written into the memory of an earlier one.
 *
 * A lent buffer is given back once nothing reads it any more: an image once it is written
 * into its request body, a body once its request is over. One not given back (an item that
 * failed, a cancelled run) is simply left to the garbage collector.
 */
export class ReusedBuffers {
	private readonly free: Buffer[] = [];
	private freeBytes = 0;
	/** Each view lent out, and the whole buffer it is a view of. */
	private readonly lent = new WeakMap<Buffer, Buffer>();

	/** `length` bytes, with whatever content the memory held before. */
	take(length: number): Buffer {
		if (length < REUSED_FROM) return Buffer.allocUnsafe(length);
		let best = -1;
		for (let index = 0; index < this.free.length; index++) {
			const size = this.free[index].length;
			if (size >= length && size <= MAX_SLACK * length && (best < 0 || size < this.free[best].length)) best = index;
		}
		let whole: Buffer;
		if (best >= 0) {
			whole = this.free.splice(best, 1)[0];
			this.freeBytes -= whole.length;
		} else {
			whole = Buffer.allocUnsafeSlow(allocationSize(length));
		}
		const view = whole.subarray(0, length);
		this.lent.set(view, whole);
		return view;
	}

	/** A copy of `bytes` in reused memory. */
	copyOf(bytes: Uint8Array): Buffer {
		const copy = this.take(bytes.length);
		copy.set(bytes);
		return copy;
	}

	/** Nothing reads `view` any more: its memory takes the next image or body. */
	giveBack(view: Buffer): void {
		const whole = this.lent.get(view);
		if (!whole) return;
		this.lent.delete(view);
		if (this.freeBytes + whole.length > KEEP_BYTES) return;
		this.free.push(whole);
		this.freeBytes += whole.length;
	}
}
