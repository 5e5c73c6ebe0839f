/** The simulator's rate-limit model, over real HTTP: concurrency and window limits per token. */
import { XimilarSimulator } from './index';

const TCG = '/collectibles/v2/tcg_id';
const body = JSON.stringify({ records: [{ _url: 'https://example.com/a.jpg' }] });

let sim: XimilarSimulator;

beforeAll(async () => {
	sim = await XimilarSimulator.start({ tokens: ['token-a', 'token-b'] });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => sim.reset());

async function post(token = 'token-a', path = TCG) {
	const res = await fetch(sim.url + path, {
		method: 'POST',
		headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
		body,
	});
	return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as { detail?: string } };
}

describe('rate-limit model', () => {
	it('answers 429 with Retry-After beyond C concurrent requests of one token, at once', async () => {
		sim.latencyMs = 300;
		sim.setRateLimit({ concurrent: 2 });
		const started = Date.now();
		const replies = await Promise.all(Array.from({ length: 5 }, () => post()));
		expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 429, 429, 429]);
		for (const r of replies.filter((reply) => reply.status === 429)) {
			expect(r.retryAfter).toBe('1');
			expect(r.json.detail).toBe('Request was throttled. Expected available in 1 second.');
		}
		const rejected = sim.log.filter((e) => e.status === 429);
		expect(rejected.every((e) => e.fault === 'throttled:concurrent' && e.endedAt - e.startedAt < 150)).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		// the slots are free again once the admitted requests have answered
		expect((await Promise.all([post(), post()])).map((r) => r.status)).toEqual([200, 200]);
	});

	it('counts each token apart', async () => {
		sim.latencyMs = 200;
		sim.setRateLimit({ concurrent: 1 });
		const [a1, a2, b1] = await Promise.all([post('token-a'), post('token-a'), post('token-b')]);
		expect([a1.status, a2.status].sort()).toEqual([200, 429]);
		expect(b1.status).toBe(200);
	});

	it('answers 429 beyond R requests per window, Retry-After = seconds until the oldest leaves it', async () => {
		sim.setRateLimit({ perWindow: 3, windowMs: 2500 });
		const first = Date.now();
		for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
		const over = await post();
		expect(over.status).toBe(429);
		const expected = Math.ceil((first + 2500 - Date.now()) / 1000);
		expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(expected);
		expect(Number(over.retryAfter)).toBeLessThanOrEqual(expected + 1);
		expect(over.json.detail).toBe(`Request was throttled. Expected available in ${over.retryAfter} seconds.`);
		expect(sim.log.at(-1)?.fault).toBe('throttled:rate');
		// rejected requests do not use up the window
		expect((await post()).status).toBe(429);
		await new Promise((resolve) => setTimeout(resolve, first + 2600 - Date.now()));
		expect((await post()).status).toBe(200);
	});

	it('throttles only authenticated requests to known paths, after authentication', async () => {
		sim.setRateLimit({ perWindow: 1 });
		expect((await post('token-a')).status).toBe(200);
		expect((await post('wrong-token')).status).toBe(401);
		expect((await post('token-a', '/no/such/path')).status).toBe(404);
		expect((await post('token-a')).status).toBe(429);
		const samples = await fetch(`${sim.url}/samples/`);
		expect(samples.status).toBe(200);
	});

	it('frees a slot when the client gives up, and lifts the limit on reset unless set at start', async () => {
		sim.latencyMs = 400;
		sim.setRateLimit({ concurrent: 1 });
		await expect(
			fetch(sim.url + TCG, {
				method: 'POST',
				headers: { Authorization: 'Token token-a', 'Content-Type': 'application/json' },
				body,
				signal: AbortSignal.timeout(100),
			}),
		).rejects.toThrow();
		await new Promise((resolve) => setTimeout(resolve, 50));
		sim.latencyMs = 0;
		expect((await post()).status).toBe(200);
		sim.reset();
		expect((await Promise.all([post(), post(), post()])).map((r) => r.status)).toEqual([200, 200, 200]);

		const limited = await XimilarSimulator.start({ tokens: ['token-a'], latencyMs: 100, rateLimit: { concurrent: 1 } });
		try {
			limited.reset();
			const statuses = await Promise.all(
				[0, 1].map(async () => (await fetch(limited.url + TCG, { method: 'POST', headers: { Authorization: 'Token token-a', 'Content-Type': 'application/json' }, body })).status),
			);
			expect(statuses.sort()).toEqual([200, 429]);
		} finally {
			await limited.close();
		}
	});
});
