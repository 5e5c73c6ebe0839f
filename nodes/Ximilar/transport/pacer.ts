import { sleepWithAbort } from 'n8n-workflow';

import { AccountWindow, accountWindow, type AttemptOutcome, type Ticket } from './accountWindow';

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
		return (await this.acquireWithin(Infinity, notBefore, signal)) as Ticket;
	}

	/**
	 * As `acquire`, but a wait for Ximilar's rate limit or quota (the account's hold, or a
	 * refusal recorded by another request) that would last past `waitLimitAt` is not waited
	 * out: the answer is when Ximilar will accept again, and the request is not sent.
	 */
	async acquireWithin(waitLimitAt: number, notBefore = 0, signal?: AbortSignal): Promise<Ticket | { refusedUntil: number }> {
		const window = this.window;
		if (window.refusedUntil > waitLimitAt) return { refusedUntil: window.refusedUntil };
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
			const hold = Math.max(this.settings.adaptive ? window.holdUntil : 0, window.refusedUntil);
			if (hold > waitLimitAt) return { refusedUntil: hold };
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
		return this.settings.adaptive ? window.take() : { inFlight: this.inFlight };
	}

	/** Some request is in flight, and gives its slot back when it ends (a cancelled one too). */
	private async slotGivenBack(signal?: AbortSignal): Promise<void> {
		await this.window.changed();
		if (signal?.aborted) await sleepWithAbort(0, signal);
	}

	/**
	 * Ximilar refused a request of the account until `until` (a Retry-After longer than the
	 * run may wait): the account's other requests are not sent before then, whatever the mode.
	 */
	refuseUntil(until: number): void {
		this.window.refusedUntil = Math.max(this.window.refusedUntil, until);
		this.window.notify();
	}

	/** Gives the slot back and, when adaptive, adapts the window to how the attempt ended. */
	settle(ticket: Ticket, outcome: AttemptOutcome): void {
		this.inFlight--;
		if (this.settings.adaptive) this.window.give(ticket, outcome);
		else this.window.notify();
	}
}
