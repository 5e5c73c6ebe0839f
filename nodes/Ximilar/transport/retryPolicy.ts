/**
 * When to try a Ximilar request again and how long to wait. Pure functions: the
 * transport supplies the clock and the randomness-free parts are unit tested.
 */

/** Statuses Ximilar's own clients retry: rate limit and server-side failures. */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Network failures worth another try (Ximilar drops idle keep-alive sockets: ECONNRESET). */
const RETRY_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ECONNREFUSED',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export const BASE_DELAY_MS = 500;
export const MAX_BACKOFF_MS = 15_000;
/** A Retry-After longer than this is shortened to it, so one item cannot stall a run for hours. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function isRetryableStatus(status: number): boolean {
	return RETRY_STATUSES.has(status);
}

export function isRetryableNetworkCode(code: string | undefined): boolean {
	return code !== undefined && RETRY_NETWORK_CODES.has(code);
}

/** Retry-After in ms: either delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.min(Math.max(date - now, 0), MAX_RETRY_AFTER_MS);
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
