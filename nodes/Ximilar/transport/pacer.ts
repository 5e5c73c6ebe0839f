import { sleepWithAbort } from 'n8n-workflow';

import { AccountWindow, accountWindow, type AttemptOutcome, type Ticket } from './accountWindow';
import { backoffDelay } from './retryPolicy';

export { START_IN_FLIGHT, type AttemptOutcome, type Ticket } from './accountWindow';

/**
 * How many requests of one node run may be in flight. Every attempt takes a
 * slot (`acquire`) and gives it back (`settle`).
 *
 * Adaptive: within Parallel Requests, the account's window decides (accountWindow.ts): it
 * is shared by the runs that use the same account in this n8n process once the run has
 * joined it (`join`, before its first request). The throttled request itself waits for its
 * Retry-After without holding a slot. Fixed: always Parallel Requests. Either way, a
 * Requests per Minute cap spaces the starts of all the account's runs that set one.
 */
export interface PacerSettings {
	/** Parallel Requests: the most requests of this run in flight. */
	max: number;
	adaptive: boolean;
	/** Starts per minute; 0 or undefined: no cap. */
	requestsPerMinute?: number;
}

export class Pacer {
	private inFlight = 0;
	/** Requests sleeping through a Retry-After: others may be prepared meanwhile. */
	private held = 0;
	/** The run's own window until it joins its account's. */
	private window: AccountWindow;
	private joined = false;
	private readonly max: number;
	private readonly spacingMs: number;

	constructor(
		private readonly settings: PacerSettings,
		private readonly now: () => number = Date.now,
	) {
		this.max = Math.max(1, Math.floor(settings.max));
		this.window = new AccountWindow(now);
		const rpm = settings.requestsPerMinute ?? 0;
		this.spacingMs = rpm > 0 ? 60_000 / rpm : 0;
	}

	/** Shares the window of the account `key` (accountKey) from now on; only before the run's first request. */
	join(key: string): void {
		if (this.joined || this.inFlight > 0 || this.held > 0) return;
		this.joined = true;
		this.window = accountWindow(key, this.now);
	}

	/** Requests of this run that may be in flight now. */
	get limit(): number {
		return this.settings.adaptive ? Math.min(this.max, this.window.limit) : this.max;
	}

	get adaptive(): boolean {
		return this.settings.adaptive;
	}

	/** Requests sleeping through a Retry-After. */
	get waitingForRetryAfter(): number {
		return this.held;
	}

	/** Resolves at the next change: a slot given back, the limit changed, a Retry-After over. */
	changed(): Promise<void> {
		return this.window.changed();
	}

	/** Waits until `notBefore` (ms since epoch), then for a free slot, the hold and the per-minute spacing. */
	async acquire(notBefore = 0, signal?: AbortSignal): Promise<Ticket> {
		const window = this.window;
		if (notBefore > this.now()) {
			this.held++;
			try {
				await sleepWithAbort(notBefore - this.now(), signal);
			} finally {
				this.held--;
				window.notify();
			}
		}
		for (;;) {
			const hold = this.settings.adaptive ? window.holdUntil : 0;
			const wait = Math.max(hold, this.spacingMs > 0 ? window.nextStartAt : 0) - this.now();
			if (wait > 0) await sleepWithAbort(wait, signal);
			else if (this.inFlight >= this.max) await this.slotGivenBack(signal);
			else if (this.settings.adaptive && window.inFlight >= window.limit) {
				// Waiting for the account's window: that is what lets it climb.
				window.waiting++;
				try {
					await this.slotGivenBack(signal);
				} finally {
					window.waiting--;
				}
			} else break;
		}
		this.inFlight++;
		if (this.spacingMs > 0) window.nextStartAt = Math.max(this.now(), window.nextStartAt) + this.spacingMs;
		return this.settings.adaptive ? window.take() : { inFlight: this.inFlight, epoch: 0 };
	}

	/** Some request is in flight, and gives its slot back when it ends (a cancelled one too). */
	private async slotGivenBack(signal?: AbortSignal): Promise<void> {
		await this.window.changed();
		if (signal?.aborted) await sleepWithAbort(0, signal);
	}

	/** Gives the slot back and, when adaptive, adapts the window to how the attempt ended. */
	settle(ticket: Ticket, outcome: AttemptOutcome): void {
		this.inFlight--;
		if (this.settings.adaptive) this.window.give(ticket, outcome);
		else this.window.notify();
	}
}

/** How long one request keeps waiting out 429s under an adaptive pacer before they count as failed attempts. */
export const THROTTLED_PATIENCE_MS = 10 * 60_000;

/**
 * The attempts of one request through the pacer. Under an adaptive pacer a 429 is a signal,
 * not a failure: nothing was processed, so the request goes again after its Retry-After
 * (`'again'`), for up to THROTTLED_PATIENCE_MS; otherwise the caller's retry policy decides.
 * `'cancelled'`: the execution was cancelled while the request waited for its turn.
 */
export function throttledAttempt(pacer: Pacer | undefined) {
	let notBefore = 0;
	let firstThrottled: number | undefined;
	let throttles = 0;
	return {
		async run<T>(
			attempt: () => Promise<T>,
			judge: (result: T) => AttemptOutcome,
			signal?: AbortSignal,
		): Promise<T | 'again' | 'cancelled'> {
			if (!pacer) return await attempt();
			let ticket: Ticket;
			try {
				ticket = await pacer.acquire(notBefore, signal);
			} catch {
				return 'cancelled'; // only a cancelled execution stops the wait
			}
			let outcome: AttemptOutcome = { ok: false, throttled: false };
			let result: T;
			try {
				result = await attempt();
				outcome = judge(result);
			} finally {
				pacer.settle(ticket, outcome);
			}
			notBefore = 0;
			if (outcome.ok || !outcome.throttled || !pacer.adaptive) return result;
			const now = Date.now();
			firstThrottled ??= now;
			if (now - firstThrottled >= THROTTLED_PATIENCE_MS) return result;
			notBefore = now + (outcome.retryAfterMs ?? backoffDelay(++throttles, Math.random()));
			return 'again';
		},
	};
}
