"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.THROTTLED_PATIENCE_MS = exports.Pacer = exports.START_IN_FLIGHT = void 0;
exports.throttledAttempt = throttledAttempt;
const n8n_workflow_1 = require("n8n-workflow");
const retryPolicy_1 = require("./retryPolicy");
/** In-flight count a run starts with: low enough that overshooting a small limit costs one 429. */
exports.START_IN_FLIGHT = 2;
/** Rounds of successes (times the level) before trying the level a 429 answered again; doubles per failed try. */
const PROBE_ROUNDS = 8;
function newSignal() {
    let resolve = () => { };
    const promise = new Promise((done) => (resolve = done));
    return { promise, resolve };
}
class Pacer {
    constructor(settings, now = Date.now) {
        this.settings = settings;
        this.now = now;
        this.inFlight = 0;
        /** Requests sleeping through a Retry-After: others may be prepared meanwhile. */
        this.held = 0;
        /** Counts the cuts: an answer to a request sent before the latest cut does not cut again. */
        this.epoch = 0;
        /** The limit is at or above `tooMany`: trying whether that level holds now. */
        this.probing = false;
        this.successes = 0;
        this.probeRounds = PROBE_ROUNDS;
        /** Nothing starts before this time (a Retry-After that held even one request at a time). */
        this.holdUntil = 0;
        this.nextStartAt = 0;
        this.wake = newSignal();
        this.max = Math.max(1, Math.floor(settings.max));
        this.limit = settings.adaptive ? Math.min(this.max, exports.START_IN_FLIGHT) : this.max;
        const rpm = settings.requestsPerMinute ?? 0;
        this.spacingMs = rpm > 0 ? 60_000 / rpm : 0;
    }
    get adaptive() {
        return this.settings.adaptive;
    }
    /** Requests sleeping through a Retry-After. */
    get waitingForRetryAfter() {
        return this.held;
    }
    /** Resolves at the next change: a slot given back, the limit changed, a Retry-After over. */
    changed() {
        return this.wake.promise;
    }
    notify() {
        const { resolve } = this.wake;
        this.wake = newSignal();
        resolve();
    }
    /** Waits until `notBefore` (ms since epoch), then for a free slot, the hold and the per-minute spacing. */
    async acquire(notBefore = 0, signal) {
        if (notBefore > this.now()) {
            this.held++;
            try {
                await (0, n8n_workflow_1.sleepWithAbort)(notBefore - this.now(), signal);
            }
            finally {
                this.held--;
                this.notify();
            }
        }
        for (;;) {
            const wait = Math.max(this.holdUntil, this.nextStartAt) - this.now();
            if (wait > 0)
                await (0, n8n_workflow_1.sleepWithAbort)(wait, signal);
            else if (this.inFlight < this.limit)
                break;
            else {
                // Some request is in flight, and gives its slot back when it ends (a cancelled one too).
                await this.changed();
                if (signal?.aborted)
                    await (0, n8n_workflow_1.sleepWithAbort)(0, signal);
            }
        }
        this.inFlight++;
        if (this.spacingMs > 0)
            this.nextStartAt = Math.max(this.now(), this.nextStartAt) + this.spacingMs;
        return { inFlight: this.inFlight, epoch: this.epoch };
    }
    /** Gives the slot back and adapts to how the attempt ended. */
    settle(ticket, outcome) {
        this.inFlight--;
        if (this.settings.adaptive) {
            if (outcome.ok)
                this.succeeded();
            else if (outcome.throttled)
                this.throttled(ticket, outcome.retryAfterMs);
        }
        this.notify();
    }
    succeeded() {
        this.successes++;
        if (this.probing) {
            // A round at the tried level without a 429: it holds; the next level is tried as slowly.
            if (this.successes < this.limit)
                return;
            this.probing = false;
            this.tooMany = this.limit + 1;
            this.probeRounds = PROBE_ROUNDS;
            this.successes = 0;
            return;
        }
        if (this.limit >= this.max)
            return;
        const belowKnown = this.tooMany === undefined || this.limit + 1 < this.tooMany;
        if (!belowKnown && this.successes < this.probeRounds * this.limit)
            return;
        this.limit++;
        this.successes = 0;
        this.probing = this.tooMany !== undefined && this.limit >= this.tooMany;
    }
    throttled(ticket, retryAfterMs) {
        if (ticket.epoch !== this.epoch) {
            // Sent before the latest cut: no second cut, but it tells a lower level was already too many.
            if (this.tooMany !== undefined)
                this.tooMany = Math.min(this.tooMany, Math.max(2, ticket.inFlight));
            return;
        }
        if (this.limit <= 1) {
            // Even one request at a time is too many: everything waits as Ximilar asks.
            this.holdUntil = Math.max(this.holdUntil, this.now() + (retryAfterMs ?? 1000));
        }
        if (this.probing)
            this.probeRounds *= 2;
        this.probing = false;
        this.tooMany = Math.max(2, Math.min(ticket.inFlight, this.limit));
        this.limit = Math.max(1, Math.floor(this.limit / 2));
        this.successes = 0;
        this.epoch++;
    }
}
exports.Pacer = Pacer;
/** How long one request keeps waiting out 429s under an adaptive pacer before they count as failed attempts. */
exports.THROTTLED_PATIENCE_MS = 10 * 60_000;
/**
 * The attempts of one request through the pacer. Under an adaptive pacer a 429 is a signal,
 * not a failure: nothing was processed, so the request goes again after its Retry-After
 * (`'again'`), for up to THROTTLED_PATIENCE_MS; otherwise the caller's retry policy decides.
 * `'cancelled'`: the execution was cancelled while the request waited for its turn.
 */
function throttledAttempt(pacer) {
    let notBefore = 0;
    let firstThrottled;
    let throttles = 0;
    return {
        async run(attempt, judge, signal) {
            if (!pacer)
                return await attempt();
            let ticket;
            try {
                ticket = await pacer.acquire(notBefore, signal);
            }
            catch {
                return 'cancelled'; // only a cancelled execution stops the wait
            }
            let outcome = { ok: false, throttled: false };
            let result;
            try {
                result = await attempt();
                outcome = judge(result);
            }
            finally {
                pacer.settle(ticket, outcome);
            }
            notBefore = 0;
            if (outcome.ok || !outcome.throttled || !pacer.adaptive)
                return result;
            const now = Date.now();
            firstThrottled ??= now;
            if (now - firstThrottled >= exports.THROTTLED_PATIENCE_MS)
                return result;
            notBefore = now + (outcome.retryAfterMs ?? (0, retryPolicy_1.backoffDelay)(++throttles, Math.random()));
            return 'again';
        },
    };
}
