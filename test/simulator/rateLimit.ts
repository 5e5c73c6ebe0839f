/**
 * Per-token rate-limit model: at most `concurrent` requests in progress and at most
 * `perWindow` requests started per sliding window (a minute unless a test shortens it).
 * Beyond either, the request is answered 429 at once with Retry-After, the way Django
 * REST framework's throttles answer (whole seconds, rounded up, at least 1). Ximilar
 * documents no limits (docs/ximilar-api.md §15): this is a model to test pacing against.
 */
import type { HandlerResult } from './types';

export interface RateLimit {
	/** Most requests of one token in progress at once (from arrival to the end of the reply). */
	concurrent?: number;
	/** Most requests of one token started in any window; rejected requests do not count. */
	perWindow?: number;
	/** Window length in ms; 60 000 (per minute) unless set. */
	windowMs?: number;
}

interface TokenState {
	active: number;
	/** start times of admitted requests inside the window, oldest first */
	starts: number[];
}

export type Admission = { admitted: true; release: () => void } | { admitted: false; reply: HandlerResult; reason: 'concurrent' | 'rate' };

function throttled(waitMs: number): HandlerResult {
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	return {
		status: 429,
		body: { detail: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.` },
		headers: { 'Retry-After': String(seconds) },
	};
}

export class RateLimiter {
	private readonly tokens = new Map<string, TokenState>();

	constructor(private readonly limit: RateLimit) {}

	/** Admits a request of `token` at time `now`, or says why not and when to come back. */
	admit(token: string, now: number): Admission {
		let state = this.tokens.get(token);
		if (!state) this.tokens.set(token, (state = { active: 0, starts: [] }));
		const windowMs = this.limit.windowMs ?? 60_000;
		while (state.starts.length > 0 && state.starts[0] <= now - windowMs) state.starts.shift();
		if (this.limit.concurrent !== undefined && state.active >= this.limit.concurrent) {
			// A slot frees when some request ends: the model cannot say when, so the shortest wait it may state.
			return { admitted: false, reason: 'concurrent', reply: throttled(0) };
		}
		if (this.limit.perWindow !== undefined && state.starts.length >= this.limit.perWindow) {
			return { admitted: false, reason: 'rate', reply: throttled(state.starts[0] + windowMs - now) };
		}
		state.active++;
		state.starts.push(now);
		const owner = state;
		let released = false;
		return {
			admitted: true,
			release: () => {
				if (released) return;
				released = true;
				owner.active--;
			},
		};
	}
}
