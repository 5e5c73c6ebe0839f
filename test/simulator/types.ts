/** Public types of the simulator, plus the small internal contracts between its modules. */
import type { RateLimit } from './rateLimit';
import type { ResolvedImage } from './sources';
import type { Rng } from './util';

export interface RequestLogEntry {
	seq: number;
	method: string;
	/** path without query string */
	path: string;
	/** raw query string or '' */
	query: string;
	/** HTTP status sent; 0 when nothing was sent ('reset' faults, or the client left before a delayed answer) */
	status: number;
	/** records in body (0 if none) */
	recordCount: number;
	/** _id of each record, null if absent */
	recordIds: (string | null)[];
	bodyBytes: number;
	/** concurrent requests in progress when this one arrived (including itself) */
	inFlight: number;
	collectionId?: string;
	/** fault kind applied, if any ('throttled:concurrent' / 'throttled:rate': the rate-limit model's 429) */
	fault?: string;
	startedAt: number;
	endedAt: number;
	// The Authorization header / token is never stored here.
}

export type Fault =
	| { kind: 'status'; status: number; body?: unknown; retryAfter?: string; headers?: Record<string, string> }
	| { kind: 'reset' }
	| { kind: 'malformed' }
	| { kind: 'delay'; ms: number }
	/** A 200 whose body is this text as it stands (e.g. JSON nested deeper than any parser should follow). */
	| { kind: 'raw'; text: string }
	/** Headers, then the body one byte every `everyMs`: the answer keeps coming, slower than any timeout should allow. */
	| { kind: 'trickle'; everyMs: number }
	/** Headers and the first bytes of a 200, then the connection is cut: Ximilar had the request and was answering. */
	| { kind: 'cutBody' };

export interface RandomFaults {
	seed: number;
	rate429?: number;
	retryAfter?: string;
	rate500?: number;
	rateReset?: number;
	recordFailRate?: number;
}

export interface SimulatorOptions {
	port?: number;
	tokens?: string[];
	latencyMs?: number;
	perRecordMs?: number;
	/** Per-token limits: 429 with Retry-After beyond them (rateLimit.ts). */
	rateLimit?: RateLimit;
}

export type RecordPredicate = (record: any, index: number) => boolean;

/** What a route handler returns; the server adds latency and writes it. */
export interface HandlerResult {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/** Everything a route handler may use; built per request by the server. */
export interface RequestContext {
	method: string;
	path: string;
	query: URLSearchParams;
	/** parsed JSON body ({} when empty) */
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	selfUrl: string;
	/** simulated processing time in seconds (for `statistics`) */
	processingSeconds: number;
	/** decides whether record i is forced to fail (failRecordsWhere / recordFailRate) */
	shouldFailRecord(record: Record<string, unknown>, index: number): boolean;
	resolveImage(record: Record<string, unknown>): ResolvedImage | { ok: false; status: { code: number; text: string } };
	/** add processed records to the account's credits_counter */
	bill(records: number): void;
}

/** Input of one per-record recognition service. */
export interface ServiceInput {
	record: Record<string, unknown>;
	image: ResolvedImage;
	/** request body without `records` */
	options: Record<string, unknown>;
	/** seeded from the image key and the service: same image, same result */
	rng: Rng;
	selfUrl: string;
}

export type Service = (input: ServiceInput) => Record<string, unknown>;
