import { sleep } from 'n8n-workflow';

export type DeadlineOutcome<T> = { response: T } | { error: unknown; cancelled: boolean; timedOut: boolean };

/** Work under a deadline: its time, and what aborts it once that time has passed. */
interface Timed {
	at: number;
	expire(): void;
}

/**
 * The clock of every deadline in this process: one n8n `sleep` at a time, while any work is
 * timed, waking at the earliest deadline (at most this long after it, for work started after
 * the sleep began). One clock instead of a cancellable sleep per request: cancelling n8n's
 * `sleepWithAbort` builds an error with its stack for every request that ended in time.
 */
const MOST_SLEPT_MS = 250;
const timed = new Set<Timed>();
let ticking = false;

async function tick(): Promise<void> {
	ticking = true;
	try {
		while (timed.size > 0) {
			let earliest = Infinity;
			for (const work of timed) earliest = Math.min(earliest, work.at);
			await sleep(Math.max(1, Math.min(earliest - Date.now(), MOST_SLEPT_MS)));
			const now = Date.now();
			for (const work of timed) {
				if (work.at <= now) {
					timed.delete(work);
					work.expire();
				}
			}
		}
	} finally {
		ticking = false;
	}
}

/**
 * Runs `work` with an abort signal that fires once `ms` have passed, or when `cancel` (the
 * execution's Stop) fires: a deadline for the whole of it. n8n's own request timeout only
 * limits the gaps between bytes once an answer has begun, so an answer trickling a byte a
 * second would never end.
 */
export async function withDeadline<T>(
	ms: number,
	cancel: AbortSignal | undefined,
	work: (signal: AbortSignal) => Promise<T>,
): Promise<DeadlineOutcome<T>> {
	const controller = new AbortController();
	let timedOut = false;
	const stop = () => controller.abort();
	if (cancel?.aborted) controller.abort();
	else cancel?.addEventListener('abort', stop, { once: true });
	const deadline: Timed = {
		at: Date.now() + ms,
		expire: () => {
			timedOut = true;
			controller.abort();
		},
	};
	timed.add(deadline);
	if (!ticking) void tick();
	try {
		return { response: await work(controller.signal) };
	} catch (error) {
		const cancelled = cancel?.aborted === true;
		return { error, cancelled, timedOut: timedOut && !cancelled };
	} finally {
		timed.delete(deadline);
		cancel?.removeEventListener('abort', stop);
	}
}
