import type { Pacer } from '../../transport/pacer';

/** Batches prepared ahead of a free slot, so the next request is ready when one ends. */
const READ_AHEAD_BATCHES = 2;
/**
 * Beyond the first three batches (the old fixed parallelism), batches are only prepared
 * while all running ones hold less than this: ten 1 MB photos are a 13 MB body, and a
 * pacer that climbed to dozens of requests in flight must not hold hundreds of MB.
 */
const BYTES_HELD = 48 * 1024 * 1024;
const ALWAYS_ALLOWED = 3;

/**
 * Runs batches as the pacer lets requests go: a batch is prepared (its items read) while
 * there is a free slot for it, or as read-ahead while the other requests are in flight,
 * bounded in batches and in bytes. Batches sleeping through a Retry-After do not take a
 * slot. Without a pacer, `parallel` requests at a time.
 */
export async function dispatchBatches<B extends { bytes: number }>(
	/** `readAhead`: a prepared batch already waits for a slot, so this one is not awaited yet (its reading may yield to answers). */
	next: (readAhead: boolean) => Promise<B | undefined>,
	run: (batch: B) => Promise<void>,
	pacer: Pacer | undefined,
	parallel: number,
): Promise<void> {
	const running = new Set<Promise<void>>();
	let bytes = 0;
	let error: unknown;
	const limit = () => (pacer ? pacer.limit : parallel);
	const active = () => running.size - (pacer?.waitingForRetryAfter ?? 0);
	const room = () => {
		if (error !== undefined) return true; // stop waiting: the loop ends below
		if (active() < Math.min(limit(), ALWAYS_ALLOWED)) return true;
		const ahead = pacer ? READ_AHEAD_BATCHES : 0;
		return active() < limit() + ahead && bytes < BYTES_HELD;
	};
	for (;;) {
		while (!room()) await Promise.race(pacer ? [...running, pacer.changed()] : running);
		if (error !== undefined) break;
		const batch = await next(active() > limit());
		if (batch === undefined) break;
		bytes += batch.bytes;
		const task: Promise<void> = run(batch)
			.catch((failure: unknown) => {
				error ??= failure;
			})
			.finally(() => {
				bytes -= batch.bytes;
				running.delete(task);
			});
		running.add(task);
	}
	await Promise.all(running);
	if (error !== undefined) throw error;
}
