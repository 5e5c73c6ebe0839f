/**
 * How many requests one Ximilar account may have in flight, learned from Ximilar's answers
 * and shared by every run of the node in this n8n process that uses the account.
 *
 * Ximilar's limits are per account, so runs that share a token share what they learn: four
 * workflows started at once do not each overshoot the limit, and a run that starts while
 * another is going starts at the level the other found. n8n's queue-mode workers are
 * separate processes: each learns on its own, and what they learn must let them share the
 * limit without a store in common (a community node has none). So:
 *
 * - The window starts with a few requests in flight and adds one per success while requests
 *   are waiting for it (doubling per round trip), up to what the runs ask for.
 * - A 429 to the k-th request in flight says that k were too many just then, and that the
 *   k - 1 before it got through: the window goes down to k - 1 (never below one), not to
 *   half. Halving made a process that shares the limit with another give up a share the
 *   other did not take, and the limit sat partly idle until it climbed back.
 * - The level that drew the 429 is tried again once it may have changed: after about the
 *   Retry-After Ximilar gave (a second), longer the more requests the window holds, with some
 *   jitter so that two processes do not try at the same moment. Another process may be
 *   holding part of the limit, and gives it back when it ends: a process left with a small
 *   share tries often, since it gains most then, and one with a big share less often; a
 *   failed try costs one 429, answered at once, and makes the next wait twice as long (once
 *   only: a run alone at its limit pays fewer 429s, a process squeezed by another still tries
 *   every few seconds). A try that holds for a round forgets the
 *   level, and the window climbs freely. (Waiting for a number of successes that doubled with
 *   each failed try left a process that had shared the limit at one request in flight for
 *   seconds after the other process had ended.)
 * - A request answered 429 with no other request of the account in flight says that how
 *   many go at once is not the limit (a quota, say): after two such answers in a row, every
 *   request of the account waits for the Retry-After. One alone may be another process's
 *   doing, and holding everything then left the limit idle for a second.
 */

/** In-flight count an account starts with: low enough that overshooting a small limit costs one 429. */
export const START_IN_FLIGHT = 2;
/** The Retry-After the wait before a try is counted from (per request the window holds), within these bounds. */
const FIRST_TRY_AFTER_MS = 500;
const LAST_TRY_AFTER_MS = 8000;
/** Without a Retry-After, a second. */
const TRY_AFTER_MS = 1000;
/** A failed try doubles the wait before the next, up to this many times (reset when a try holds, or when the limit moves). */
const MOST_TRY_DOUBLINGS = 1;
/** Lone 429s in a row (no other request in flight, no success between) that hold the account for the Retry-After. */
const LONE_THROTTLES_TO_HOLD = 2;
/** What an account's window learned is forgotten after this long without requests (plans change). */
const FORGET_AFTER_MS = 10 * 60_000;
/** Far above any Parallel Requests a run can set; the runs' own caps bind first. */
const MOST_IN_FLIGHT = 1024;

/** What a slot knows about when it was taken, to judge the answer it gets. */
export interface Ticket {
	/** Requests of the account in flight once this one started, itself included. */
	inFlight: number;
	/** Whether it was taken while the window tried the level that drew a 429 again. */
	trying?: boolean;
}

export type AttemptOutcome = { ok: true } | { ok: false; throttled: boolean; retryAfterMs?: number };

type Signal = { promise: Promise<void>; resolve: () => void };

function newSignal(): Signal {
	let resolve = () => {};
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

export class AccountWindow {
	limit = START_IN_FLIGHT;
	inFlight = 0;
	/** Requests that could go but for this window: a climb only helps while there are some. */
	waiting = 0;
	/** Nothing starts before this time (a Retry-After that held even one request at a time). */
	holdUntil = 0;
	/** Ximilar refused the account until this time, longer than a run may wait (a spent quota): nothing is sent before. */
	refusedUntil = 0;
	/** The Requests per Minute spacing: no start before this time. */
	nextStartAt = 0;
	lastUsed: number;
	/** Lowest in-flight level a 429 answered (undefined before the first 429, and once a try at it held). */
	private tooMany: number | undefined;
	/** The limit is at `tooMany`: trying whether that level holds now. */
	private trying = false;
	/** Successes at the level being tried. */
	private successes = 0;
	/** When the level that drew a 429 may be tried again. */
	private tryAt = 0;
	/** Tries in a row that drew a 429 again (at most MOST_TRY_DOUBLINGS counted). */
	private failedTries = 0;
	private loneThrottles = 0;
	private wake: Signal = newSignal();

	constructor(
		private readonly now: () => number = Date.now,
		private readonly random: () => number = Math.random,
	) {
		this.lastUsed = now();
	}

	/** Resolves at the next change: a slot given back, the limit changed, a Retry-After over. */
	changed(): Promise<void> {
		return this.wake.promise;
	}

	notify(): void {
		const { resolve } = this.wake;
		this.wake = newSignal();
		resolve();
	}

	take(): Ticket {
		this.inFlight++;
		this.lastUsed = this.now();
		return { inFlight: this.inFlight, trying: this.trying };
	}

	/** A slot given back, and how its attempt ended. */
	give(ticket: Ticket, outcome: AttemptOutcome): void {
		this.inFlight--;
		this.lastUsed = this.now();
		if (outcome.ok) this.succeeded();
		else if (outcome.throttled) this.throttled(ticket, outcome.retryAfterMs);
		this.notify();
	}

	private succeeded(): void {
		this.loneThrottles = 0;
		if (this.trying) {
			// A round at the tried level without a 429: the limit that drew the 429 is gone (a
			// bigger plan, another process ended). Forget it and climb as at the start.
			if (++this.successes < this.limit) return;
			this.trying = false;
			this.tooMany = undefined;
			this.failedTries = 0;
			return;
		}
		// More in flight only helps requests that are waiting for it (none at a run's end).
		if (this.waiting === 0 || this.limit >= MOST_IN_FLIGHT) return;
		if (this.tooMany === undefined || this.limit + 1 < this.tooMany) {
			this.limit++;
			return;
		}
		if (this.now() < this.tryAt) return;
		this.limit++;
		this.trying = true;
		this.successes = 0;
	}

	private throttled(ticket: Ticket, retryAfterMs: number | undefined): void {
		const now = this.now();
		const wait = Math.min(LAST_TRY_AFTER_MS, Math.max(FIRST_TRY_AFTER_MS, retryAfterMs ?? TRY_AFTER_MS));
		if (ticket.inFlight <= 1 && ++this.loneThrottles >= LONE_THROTTLES_TO_HOLD) {
			// Throttled again with no other request of the account in flight: not how many go at once.
			this.holdUntil = Math.max(this.holdUntil, now + (retryAfterMs ?? TRY_AFTER_MS));
		}
		// A try that failed again says the limit has not moved: the next waits longer, so that a
		// run alone at its limit does not pay a 429 every few seconds. A 429 below the level
		// known to be too many says it has moved (another process took a share): try soon again.
		if (ticket.trying === true) this.failedTries = Math.min(MOST_TRY_DOUBLINGS, this.failedTries + 1);
		else if (this.tooMany !== undefined && ticket.inFlight < this.tooMany) this.failedTries = 0;
		this.trying = false;
		this.successes = 0;
		this.tooMany = Math.max(2, Math.min(this.tooMany ?? ticket.inFlight, ticket.inFlight));
		this.limit = Math.max(1, Math.min(this.limit, ticket.inFlight - 1, this.tooMany - 1));
		// The next try after about the Retry-After, longer the more requests the window now holds
		// ((limit + 1) / 2 times): a process left with a small share of a limit another one holds
		// tries soon (it gains most when the other ends), one with a big share less often; each
		// failed try costs a 429. Jitter, so that processes that met the limit together do not
		// try again together.
		this.tryAt = now + ((wait * (this.limit + 1)) / 2) * 2 ** this.failedTries * (0.75 + 0.5 * this.random());
	}
}

/** The windows of the accounts used in this process, by a hash of API URL and token (the token itself is not kept). */
const windows = new Map<string, AccountWindow>();

/** A short non-cryptographic hash (cyrb53): equal accounts give equal keys. */
export function accountKey(apiUrl: string, token: string): string {
	const text = `${apiUrl}\n${token}`;
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The shared window of an account; one unused for FORGET_AFTER_MS starts afresh. */
export function accountWindow(key: string, now: () => number = Date.now): AccountWindow {
	const at = now();
	for (const [other, window] of windows) {
		if (window.inFlight === 0 && at - window.lastUsed > FORGET_AFTER_MS) windows.delete(other);
	}
	let window = windows.get(key);
	if (!window) {
		window = new AccountWindow(now);
		windows.set(key, window);
	}
	return window;
}
