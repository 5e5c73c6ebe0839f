import {
	backoffDelay,
	classifyNetwork,
	classifyStatus,
	isTlsCode,
	mayRetry,
	MAX_BACKOFF_MS,
	parseRetryAfter,
} from '../../nodes/Ximilar/transport/retryPolicy';

describe('retry policy', () => {
	it('retries by default only statuses that say nothing was processed', () => {
		expect([429, 503].map(classifyStatus)).toEqual(['safe', 'safe']);
		expect([500, 502, 504].map(classifyStatus)).toEqual(['mayBill', 'mayBill', 'mayBill']);
		expect([400, 401, 403, 404, 413, 501].map(classifyStatus)).toEqual(Array(6).fill('never'));
	});

	it('retries a lost connection by default only when the request was not fully sent', () => {
		expect(classifyNetwork('ECONNREFUSED', true)).toBe('safe');
		expect(classifyNetwork('EAI_AGAIN', true)).toBe('safe');
		expect(classifyNetwork('ECONNRESET', false)).toBe('safe');
		expect(classifyNetwork('EPIPE', false)).toBe('safe');
		expect(classifyNetwork('ECONNRESET', true)).toBe('mayBill');
		expect(classifyNetwork('ECONNABORTED', true)).toBe('mayBill');
		expect(classifyNetwork('ETIMEDOUT', true)).toBe('mayBill');
		expect(classifyNetwork('ETIMEDOUT', false)).toBe('safe');
		expect(classifyNetwork('ENOTFOUND', false)).toBe('never');
		expect(classifyNetwork('CERT_HAS_EXPIRED', false)).toBe('never');
		expect(classifyNetwork(undefined, false)).toBe('never');
	});

	it('retries what may have been processed only when the user chose to', () => {
		expect([mayRetry('safe', false), mayRetry('mayBill', false), mayRetry('never', false)]).toEqual([true, false, false]);
		expect([mayRetry('safe', true), mayRetry('mayBill', true), mayRetry('never', true)]).toEqual([true, true, false]);
	});

	it('recognises TLS certificate codes', () => {
		const codes = ['CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID'];
		expect(codes.map(isTlsCode)).toEqual(Array(codes.length).fill(true));
		expect(['ECONNRESET', 'ENOTFOUND', undefined].map(isTlsCode)).toEqual([false, false, false]);
	});

	it('reads Retry-After as seconds or as an HTTP date, as long as Ximilar says (a wait too long is reported, not shortened)', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter('0.5', now)).toBe(500);
		expect(parseRetryAfter(['3'], now)).toBe(3000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('86400', now)).toBe(86_400_000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 01:00:00 GMT', now)).toBe(3_600_000);
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
