/** The pacing controller on its own: how the in-flight limit answers successes and 429s. */
import { Pacer, START_IN_FLIGHT, type Ticket } from '../../nodes/Ximilar/transport/pacer';

const ok = { ok: true } as const;
const throttled = (retryAfterMs?: number) => ({ ok: false, throttled: true, retryAfterMs }) as const;

/** Takes `n` slots at once (they must be free). */
async function take(pacer: Pacer, n: number): Promise<Ticket[]> {
	return await Promise.all(Array.from({ length: n }, async () => await pacer.acquire()));
}

describe('adaptive pacer', () => {
	it('starts low and adds one request in flight per success, up to Parallel Requests', async () => {
		const pacer = new Pacer({ max: 6, adaptive: true });
		expect(pacer.limit).toBe(START_IN_FLIGHT);
		const seen: number[] = [];
		for (let i = 0; i < 6; i++) {
			const [ticket] = await take(pacer, 1);
			pacer.settle(ticket, ok);
			seen.push(pacer.limit);
		}
		expect(seen).toEqual([3, 4, 5, 6, 6, 6]);
	});

	it('halves on a 429, never below one, and a wave of 429s sent before the cut cuts once', async () => {
		const pacer = new Pacer({ max: 8, adaptive: true });
		for (let i = 0; i < 6; i++) pacer.settle((await take(pacer, 1))[0], ok);
		expect(pacer.limit).toBe(8);
		const wave = await take(pacer, 8);
		pacer.settle(wave[7], throttled(1000));
		expect(pacer.limit).toBe(4);
		for (const ticket of wave.slice(3, 7)) pacer.settle(ticket, throttled(1000));
		expect(pacer.limit).toBe(4); // same wave: no further cut
		for (const ticket of wave.slice(0, 3)) pacer.settle(ticket, ok);
		expect(pacer.limit).toBe(4); // the wave showed 4 in flight drew a 429 too: no quick climb
		const next = await take(pacer, 1);
		pacer.settle(next[0], throttled(1000));
		expect(pacer.limit).toBe(2);
		pacer.settle((await take(pacer, 1))[0], throttled(1000));
		expect(pacer.limit).toBe(1);
	});

	it('climbs back one step per success to just under the level that drew a 429, then tries it only after many successes', async () => {
		const pacer = new Pacer({ max: 8, adaptive: true });
		for (let i = 0; i < 6; i++) pacer.settle((await take(pacer, 1))[0], ok);
		const wave = await take(pacer, 6); // the 6th in flight is answered 429: 6 is too many
		pacer.settle(wave[5], throttled(1000));
		expect(pacer.limit).toBe(4);
		for (const ticket of wave.slice(0, 5)) pacer.settle(ticket, ok);
		expect(pacer.limit).toBe(5); // one step, and no further: 6 drew the 429
		let successes = 0;
		while (pacer.limit === 5 && successes < 1000) {
			pacer.settle((await take(pacer, 1))[0], ok);
			successes++;
		}
		expect(4 + successes).toBe(8 * 5); // 8 rounds of 5 at 5 (4 of them from the wave), then it tries 6 again
		expect(pacer.limit).toBe(6);
		// The try fails: the next try waits twice as long.
		const tryWave = await take(pacer, 6);
		pacer.settle(tryWave[5], throttled(1000));
		expect(pacer.limit).toBe(3);
		for (const ticket of tryWave.slice(0, 5)) pacer.settle(ticket, ok);
		expect(pacer.limit).toBe(5);
		successes = 3; // at 5 since the second of those five
		while (pacer.limit === 5 && successes < 1000) {
			pacer.settle((await take(pacer, 1))[0], ok);
			successes++;
		}
		expect(successes).toBe(16 * 5);
	});

	it('holds every start for Retry-After once even one request at a time is answered 429', async () => {
		const pacer = new Pacer({ max: 4, adaptive: true });
		const [first] = await take(pacer, 1);
		pacer.settle(first, throttled());
		expect(pacer.limit).toBe(1);
		const [second] = await take(pacer, 1);
		const answeredAt = Date.now();
		pacer.settle(second, throttled(300));
		await pacer.acquire();
		expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(290);
	});

	it('lets a request held by its own Retry-After wait without taking a slot', async () => {
		const pacer = new Pacer({ max: 2, adaptive: false });
		const held = pacer.acquire(Date.now() + 200);
		expect(pacer.waitingForRetryAfter).toBe(1);
		const both = await take(pacer, 2);
		expect(both.map((t) => t.inFlight)).toEqual([1, 2]);
		both.forEach((t) => pacer.settle(t, ok));
		const started = Date.now();
		await held;
		expect(pacer.waitingForRetryAfter).toBe(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
	});
});

describe('fixed pacer and the per-minute cap', () => {
	it('keeps exactly Parallel Requests in flight whatever the answers', async () => {
		const pacer = new Pacer({ max: 3, adaptive: false });
		const tickets = await take(pacer, 3);
		tickets.forEach((t) => pacer.settle(t, throttled(1000)));
		expect(pacer.limit).toBe(3);
		let fourth = false;
		const three = await take(pacer, 3);
		void pacer.acquire().then(() => (fourth = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(fourth).toBe(false);
		pacer.settle(three[0], ok);
		await new Promise((resolve) => setImmediate(resolve));
		expect(fourth).toBe(true);
	});

	it('spaces starts evenly for Requests per Minute', async () => {
		const pacer = new Pacer({ max: 10, adaptive: true, requestsPerMinute: 600 }); // one per 100 ms
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 4 }, async () => {
				const ticket = await pacer.acquire();
				starts.push(Date.now());
				pacer.settle(ticket, ok);
			}),
		);
		const gaps = starts.slice(1).map((at, i) => at - starts[i]);
		expect(gaps.every((gap) => gap >= 95)).toBe(true);
	});
});
