import {
	backoffDelay,
	isRetryableNetworkCode,
	isRetryableStatus,
	MAX_BACKOFF_MS,
	MAX_RETRY_AFTER_MS,
	parseRetryAfter,
} from '../../nodes/Ximilar/transport/retryPolicy';

describe('retry policy', () => {
	it('retries rate limits and server errors, never client errors', () => {
		expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
		expect([400, 401, 403, 404, 413, 501].some(isRetryableStatus)).toBe(false);
	});

	it('retries resets and timeouts, not unknown errors', () => {
		expect(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED'].every(isRetryableNetworkCode)).toBe(true);
		expect(isRetryableNetworkCode('ENOTFOUND')).toBe(false);
		expect(isRetryableNetworkCode(undefined)).toBe(false);
	});

	it('reads Retry-After as seconds or as an HTTP date, capped', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter('0.5', now)).toBe(500);
		expect(parseRetryAfter(['3'], now)).toBe(3000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter within half a step', () => {
		expect(backoffDelay(1, 0)).toBe(250);
		expect(backoffDelay(1, 0.999)).toBeLessThanOrEqual(500);
		expect(backoffDelay(3, 0)).toBe(1000);
		expect(backoffDelay(3, 0.999)).toBeLessThanOrEqual(2000);
		expect(backoffDelay(30, 0.999)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
	});
});
