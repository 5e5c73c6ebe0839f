/** One-shot fault queues and seeded random faults, consumed in request arrival order. */
import type { Fault, RandomFaults } from './types';
import { mulberry32 } from './util';

interface RandomState {
	cfg: RandomFaults;
	/** one draw per request */
	request: () => number;
	/** one draw per record, on its own stream so record counts do not shift request faults */
	record: () => number;
}

export class FaultPlan {
	private global: Fault[] = [];
	private prefixed: { prefix: string; faults: Fault[] }[] = [];
	private random: RandomState | null = null;

	queue(faults: Fault[]): void {
		this.global.push(...faults);
	}

	queueFor(prefix: string, faults: Fault[]): void {
		this.prefixed.push({ prefix, faults: [...faults] });
	}

	setRandom(cfg: RandomFaults | null): void {
		this.random = cfg
			? { cfg, request: mulberry32(cfg.seed), record: mulberry32((cfg.seed ^ 0x5bd1e995) >>> 0) }
			: null;
	}

	clear(): void {
		this.global = [];
		this.prefixed = [];
		this.random = null;
	}

	/** The fault for the next request to `path`: path-specific queue, then global queue, then random. */
	next(path: string): Fault | null {
		const draw = this.random ? this.random.request() : 1; // drawn for every request, used or not
		const slot = this.prefixed.find((q) => q.faults.length > 0 && path.startsWith(q.prefix));
		if (slot) return slot.faults.shift()!;
		if (this.global.length > 0) return this.global.shift()!;
		if (!this.random) return null;
		const { rate429 = 0, rate500 = 0, rateReset = 0, retryAfter } = this.random.cfg;
		if (draw < rate429) return { kind: 'status', status: 429, ...(retryAfter !== undefined ? { retryAfter } : {}) };
		if (draw < rate429 + rate500) return { kind: 'status', status: 500 };
		if (draw < rate429 + rate500 + rateReset) return { kind: 'reset' };
		return null;
	}

	/** Random per-record failure (recordFailRate). */
	recordFails(): boolean {
		if (!this.random) return false;
		const draw = this.random.record();
		return draw < (this.random.cfg.recordFailRate ?? 0);
	}
}

/** Default bodies for status faults, in Django REST framework style. */
export function faultBody(status: number): unknown {
	switch (status) {
		case 429: return { detail: 'Request was throttled. Expected available in 1 second.' };
		case 400: return { detail: 'Bad request.' };
		case 500: return { detail: 'A server error occurred.' };
		case 502: return { detail: 'Bad gateway.' };
		case 503: return { detail: 'Service temporarily unavailable, try again later.' };
		case 504: return { detail: 'Gateway timeout.' };
		default: return { detail: `Simulated error ${status}.` };
	}
}
