/**
 * How many requests one Ximilar account may have in flight, learned from Ximilar's answers
 * and shared by every run of the node in this n8n process that uses the account.
 *
 * Ximilar's limits are per account, so runs that share a token share what they learn: four
 * workflows started at once do not each overshoot the limit, and a run that starts while
 * another is going starts at the level the other found. (n8n's queue-mode workers are
 * separate processes: each learns on its own.)
 *
 * The window starts with a few requests in flight and adds one per success while requests
 * are waiting for it (doubling per round trip), up to what the runs ask for. A 429 halves
 * it (never below one) and remembers the level that was too many; the window then climbs
 * back one step per success to just under that level, and tries the level again only after
 * a long run of successes (longer each time it fails again); when the level holds, the
 * limit that drew the 429 is gone and the window climbs freely again. When a request is
 * answered 429 with no other request of the account in flight (or at one at a time), every
 * request of the account waits for its Retry-After.
 */

/** In-flight count an account starts with: low enough that overshooting a small limit costs one 429. */
export const START_IN_FLIGHT = 2;
/** Rounds of successes (times the level) before trying the level a 429 answered again; doubles per failed try, up to MOST_PROBE_ROUNDS. */
const PROBE_ROUNDS = 16;
const MOST_PROBE_ROUNDS = 256;
/** What an account's window learned is forgotten after this long without requests (plans change). */
const FORGET_AFTER_MS = 10 * 60_000;
/** Far above any Parallel Requests a run can set; the runs' own caps bind first. */
const MOST_IN_FLIGHT = 1024;

/** What a slot knows about when it was taken, to judge the answer it gets. */
export interface Ticket {
	/** Requests of the account in flight once this one started, itself included. */
	inFlight: number;
	/** Changes of the limit so far: answers to requests sent before the latest cut do not cut again. */
	epoch: number;
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
	/** Counts the cuts: an answer to a request sent before the latest cut does not cut again. */
	private epoch = 0;
	/** Lowest in-flight level a 429 answered (undefined before the first 429); climbing to it is slow. */
	private tooMany: number | undefined;
	/** The limit is at or above `tooMany`: trying whether that level holds now. */
	private probing = false;
	private successes = 0;
	private probeRounds = PROBE_ROUNDS;
	private wake: Signal = newSignal();

	constructor(private readonly now: () => number = Date.now) {
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
		return { inFlight: this.inFlight, epoch: this.epoch };
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
		this.successes++;
		if (this.probing) {
			// A round at the tried level without a 429: the limit that drew the 429 is gone (a
			// bigger plan, other runs ended). Forget it and climb as at the start.
			if (this.successes < this.limit) return;
			this.probing = false;
			this.tooMany = undefined;
			this.probeRounds = PROBE_ROUNDS;
			this.successes = 0;
			return;
		}
		// More in flight only helps requests that are waiting for it (none at a run's end).
		if (this.waiting === 0 || this.limit >= MOST_IN_FLIGHT) return;
		const belowKnown = this.tooMany === undefined || this.limit + 1 < this.tooMany;
		if (!belowKnown && this.successes < this.probeRounds * this.limit) return;
		this.limit++;
		this.successes = 0;
		this.probing = this.tooMany !== undefined && this.limit >= this.tooMany;
	}

	private throttled(ticket: Ticket, retryAfterMs: number | undefined): void {
		if (ticket.inFlight <= 1 || this.limit <= 1) {
			// Throttled with no other request of the account in flight: how many go at once is
			// not the limit (a quota is). Everything waits as Ximilar asks.
			this.holdUntil = Math.max(this.holdUntil, this.now() + (retryAfterMs ?? 1000));
		}
		if (ticket.epoch !== this.epoch) {
			// Sent before the latest cut: no second cut, but it tells a lower level was already too many.
			if (this.tooMany !== undefined) this.tooMany = Math.min(this.tooMany, Math.max(2, ticket.inFlight));
			return;
		}
		if (this.probing) this.probeRounds = Math.min(MOST_PROBE_ROUNDS, this.probeRounds * 2);
		this.probing = false;
		this.tooMany = Math.max(2, Math.min(ticket.inFlight, this.limit));
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successes = 0;
		this.epoch++;
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
