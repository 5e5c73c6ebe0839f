/**
 * When to try a Ximilar request again and how long to wait. Pure functions: the
 * transport supplies the clock and the randomness-free parts are unit tested.
 */

/**
 * Whether a failed attempt may be sent again. Ximilar bills every record it processed,
 * so the question is whether it can have processed this one:
 * - 'safe': it cannot have (rate limited, unavailable, no connection, request not fully sent);
 * - 'mayBill': it may have (timeout, 500/502/504, connection lost after the request was sent):
 *   retried only when the user chose to ("Retry Even When It May Bill Twice");
 * - 'never': retrying cannot help (rejected request, wrong host, TLS certificate, reply not JSON).
 */
export type RetryClass = 'safe' | 'mayBill' | 'never';

/** Ximilar refused the request before processing it. */
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
/** Something failed between or inside Ximilar's servers: the records may have been processed. */
const MAYBE_PROCESSED_STATUSES = new Set([500, 502, 504]);

/** No connection was made, so nothing was sent. ENOTFOUND is left out: a wrong host stays wrong. */
const NO_CONNECTION_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** The connection broke or timed out: whether it matters depends on whether the request was sent. */
const LOST_CONNECTION_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	// The answer broke off after it began (axios: "stream has been aborted", "aborted").
	'ERR_BAD_RESPONSE',
]);

export function classifyStatus(status: number): RetryClass {
	if (NOT_PROCESSED_STATUSES.has(status)) return 'safe';
	if (MAYBE_PROCESSED_STATUSES.has(status)) return 'mayBill';
	return 'never';
}

/**
 * A failure without a reply. `sent`: the whole request had been handed to the network
 * (Ximilar may have received and processed it); false only when known not to be.
 */
export function classifyNetwork(code: string | undefined, sent: boolean): RetryClass {
	if (code !== undefined && NO_CONNECTION_CODES.has(code)) return 'safe';
	if (code !== undefined && LOST_CONNECTION_CODES.has(code)) return sent ? 'mayBill' : 'safe';
	return 'never';
}

export function mayRetry(retry: RetryClass, retryMayBill: boolean): boolean {
	return retry === 'safe' || (retry === 'mayBill' && retryMayBill);
}

/** Codes of failed TLS certificate checks, named for the user (expired, self-signed, ...). */
export function isTlsCode(code: string | undefined): boolean {
	return code !== undefined && (/CERT|SELF_SIGNED|LEAF_SIGNATURE|ERR_TLS|ERR_SSL/.test(code));
}

const BASE_DELAY_MS = 500;
export const MAX_BACKOFF_MS = 15_000;

/**
 * Retry-After in ms: either delta-seconds or an HTTP date. Undefined when absent or
 * unreadable. Not shortened: a wait longer than the run allows is not waited out but
 * reported, with the time Ximilar named (see request.ts).
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(date - now, 0);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so
 * parallel requests that failed together do not come back together.
 * `attempt` counts from 1 (the first retry). `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, random: number): number {
	const step = Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
	return Math.round(step / 2 + (step / 2) * random);
}
