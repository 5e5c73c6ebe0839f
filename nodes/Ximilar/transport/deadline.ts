import { sleepWithAbort } from 'n8n-workflow';

export type DeadlineOutcome<T> = { response: T } | { error: unknown; cancelled: boolean; timedOut: boolean };

/**
 * Runs `work` with an abort signal that fires once `ms` have passed, or when `cancel` (the
 * execution's Stop) fires: a deadline for the whole of it. n8n's own request timeout only
 * limits the gaps between bytes once an answer has begun, so an answer trickling a byte a
 * second would never end. The clock is n8n's `sleepWithAbort`, stopped when the work ends.
 */
export async function withDeadline<T>(
	ms: number,
	cancel: AbortSignal | undefined,
	work: (signal: AbortSignal) => Promise<T>,
): Promise<DeadlineOutcome<T>> {
	const controller = new AbortController();
	const clock = new AbortController();
	let timedOut = false;
	const stop = () => controller.abort();
	if (cancel?.aborted) controller.abort();
	else cancel?.addEventListener('abort', stop, { once: true });
	sleepWithAbort(ms, clock.signal).then(
		() => {
			timedOut = true;
			controller.abort();
		},
		() => undefined, // the work ended first
	);
	try {
		return { response: await work(controller.signal) };
	} catch (error) {
		const cancelled = cancel?.aborted === true;
		return { error, cancelled, timedOut: timedOut && !cancelled };
	} finally {
		clock.abort();
		cancel?.removeEventListener('abort', stop);
	}
}
