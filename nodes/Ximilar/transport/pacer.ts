import { sleepWithAbort } from 'n8n-workflow';

import { backoffDelay } from './retryPolicy';

/**
 * How many requests of one node run may be in flight, adapted to Ximilar's answers
 * (issue #14). Every attempt takes a slot (`acquire`) and gives it back (`settle`).
 *
 * Adaptive: the run starts with a few requests in flight and adds one per success
 * (doubling per round trip) up to Parallel Requests. A 429 halves the count (never below
 * one) and remembers the level that was too many; the count then climbs back one step per
 * success to just under that level, and tries the level again only after a long run of
 * successes (longer each time it fails again). The throttled request itself waits for
 * Retry-After; when even one request at a time is throttled, every request waits for it.
 * Fixed: always Parallel Requests. Either way, a Requests per Minute cap spaces the starts.
 */
export interface PacerSettings {
	/** Parallel Requests: the most requests in flight. */
	max: number;
	adaptive: boolean;
	/** Starts per minute; 0 or undefined: no cap. */
	requestsPerMinute?: number;
}

/** What a slot knows about when it was taken, to judge the answer it gets. */
export interface Ticket {
	/** Requests in flight once this one started, itself included. */
	inFlight: number;
	/** Changes of the limit so far: answers to requests sent before the latest cut do not cut again. */
	epoch: number;
}

export type AttemptOutcome = { ok: true } | { ok: false; throttled: boolean; retryAfterMs?: number };

/** In-flight count a run starts with: low enough that overshooting a small limit costs one 429. */
export const START_IN_FLIGHT = 2;
/** Rounds of successes (times the level) before trying the level a 429 answered again; doubles per failed try. */
const PROBE_ROUNDS = 8;

type Signal = { promise: Promise<void>; resolve: () => void };

function newSignal(): Signal {
	let resolve = () => {};
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

export class Pacer {
	limit: number;
	private inFlight = 0;
	/** Requests sleeping through a Retry-After: others may be prepared meanwhile. */
	private held = 0;
	/** Counts the cuts: an answer to a request sent before the latest cut does not cut again. */
	private epoch = 0;
	/** Lowest in-flight level a 429 answered (undefined before the first 429); climbing to it is slow. */
	private tooMany: number | undefined;
	/** The limit is at or above `tooMany`: trying whether that level holds now. */
	private probing = false;
	private successes = 0;
	private probeRounds = PROBE_ROUNDS;
	/** Nothing starts before this time (a Retry-After that held even one request at a time). */
	private holdUntil = 0;
	private nextStartAt = 0;
	private readonly max: number;
	private readonly spacingMs: number;
	private wake: Signal = newSignal();

	constructor(
		private readonly settings: PacerSettings,
		private readonly now: () => number = Date.now,
	) {
		this.max = Math.max(1, Math.floor(settings.max));
		this.limit = settings.adaptive ? Math.min(this.max, START_IN_FLIGHT) : this.max;
		const rpm = settings.requestsPerMinute ?? 0;
		this.spacingMs = rpm > 0 ? 60_000 / rpm : 0;
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
		return this.wake.promise;
	}

	private notify(): void {
		const { resolve } = this.wake;
		this.wake = newSignal();
		resolve();
	}

	/** Waits until `notBefore` (ms since epoch), then for a free slot, the hold and the per-minute spacing. */
	async acquire(notBefore = 0, signal?: AbortSignal): Promise<Ticket> {
		if (notBefore > this.now()) {
			this.held++;
			try {
				await sleepWithAbort(notBefore - this.now(), signal);
			} finally {
				this.held--;
				this.notify();
			}
		}
		for (;;) {
			const wait = Math.max(this.holdUntil, this.nextStartAt) - this.now();
			if (wait > 0) await sleepWithAbort(wait, signal);
			else if (this.inFlight < this.limit) break;
			else {
				// Some request is in flight, and gives its slot back when it ends (a cancelled one too).
				await this.changed();
				if (signal?.aborted) await sleepWithAbort(0, signal);
			}
		}
		this.inFlight++;
		if (this.spacingMs > 0) this.nextStartAt = Math.max(this.now(), this.nextStartAt) + this.spacingMs;
		return { inFlight: this.inFlight, epoch: this.epoch };
	}

	/** Gives the slot back and adapts to how the attempt ended. */
	settle(ticket: Ticket, outcome: AttemptOutcome): void {
		this.inFlight--;
		if (this.settings.adaptive) {
			if (outcome.ok) this.succeeded();
			else if (outcome.throttled) this.throttled(ticket, outcome.retryAfterMs);
		}
		this.notify();
	}

	private succeeded(): void {
		this.successes++;
		if (this.probing) {
			// A round at the tried level without a 429: it holds; the next level is tried as slowly.
			if (this.successes < this.limit) return;
			this.probing = false;
			this.tooMany = this.limit + 1;
			this.probeRounds = PROBE_ROUNDS;
			this.successes = 0;
			return;
		}
		if (this.limit >= this.max) return;
		const belowKnown = this.tooMany === undefined || this.limit + 1 < this.tooMany;
		if (!belowKnown && this.successes < this.probeRounds * this.limit) return;
		this.limit++;
		this.successes = 0;
		this.probing = this.tooMany !== undefined && this.limit >= this.tooMany;
	}

	private throttled(ticket: Ticket, retryAfterMs: number | undefined): void {
		if (ticket.epoch !== this.epoch) {
			// Sent before the latest cut: no second cut, but it tells a lower level was already too many.
			if (this.tooMany !== undefined) this.tooMany = Math.min(this.tooMany, Math.max(2, ticket.inFlight));
			return;
		}
		if (this.limit <= 1) {
			// Even one request at a time is too many: everything waits as Ximilar asks.
			this.holdUntil = Math.max(this.holdUntil, this.now() + (retryAfterMs ?? 1000));
		}
		if (this.probing) this.probeRounds *= 2;
		this.probing = false;
		this.tooMany = Math.max(2, Math.min(ticket.inFlight, this.limit));
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successes = 0;
		this.epoch++;
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
