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
export type AttemptOutcome = {
    ok: true;
} | {
    ok: false;
    throttled: boolean;
    retryAfterMs?: number;
};
/** In-flight count a run starts with: low enough that overshooting a small limit costs one 429. */
export declare const START_IN_FLIGHT = 2;
export declare class Pacer {
    private readonly settings;
    private readonly now;
    limit: number;
    private inFlight;
    /** Requests sleeping through a Retry-After: others may be prepared meanwhile. */
    private held;
    /** Counts the cuts: an answer to a request sent before the latest cut does not cut again. */
    private epoch;
    /** Lowest in-flight level a 429 answered (undefined before the first 429); climbing to it is slow. */
    private tooMany;
    /** The limit is at or above `tooMany`: trying whether that level holds now. */
    private probing;
    private successes;
    private probeRounds;
    /** Nothing starts before this time (a Retry-After that held even one request at a time). */
    private holdUntil;
    private nextStartAt;
    private readonly max;
    private readonly spacingMs;
    private wake;
    constructor(settings: PacerSettings, now?: () => number);
    get adaptive(): boolean;
    /** Requests sleeping through a Retry-After. */
    get waitingForRetryAfter(): number;
    /** Resolves at the next change: a slot given back, the limit changed, a Retry-After over. */
    changed(): Promise<void>;
    private notify;
    /** Waits until `notBefore` (ms since epoch), then for a free slot, the hold and the per-minute spacing. */
    acquire(notBefore?: number, signal?: AbortSignal): Promise<Ticket>;
    /** Gives the slot back and adapts to how the attempt ended. */
    settle(ticket: Ticket, outcome: AttemptOutcome): void;
    private succeeded;
    private throttled;
}
/** How long one request keeps waiting out 429s under an adaptive pacer before they count as failed attempts. */
export declare const THROTTLED_PATIENCE_MS: number;
/**
 * The attempts of one request through the pacer. Under an adaptive pacer a 429 is a signal,
 * not a failure: nothing was processed, so the request goes again after its Retry-After
 * (`'again'`), for up to THROTTLED_PATIENCE_MS; otherwise the caller's retry policy decides.
 * `'cancelled'`: the execution was cancelled while the request waited for its turn.
 */
export declare function throttledAttempt(pacer: Pacer | undefined): {
    run<T>(attempt: () => Promise<T>, judge: (result: T) => AttemptOutcome, signal?: AbortSignal): Promise<T | "again" | "cancelled">;
};
