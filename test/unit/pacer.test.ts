/** The pacing controller on its own: how the in-flight limit answers successes and 429s. */
import { AccountWindow, accountKey, type AttemptOutcome } from '../../nodes/Ximilar/transport/accountWindow';
import { Pacer, START_IN_FLIGHT, type Ticket } from '../../nodes/Ximilar/transport/pacer';

const ok = { ok: true } as const;
const throttled = (retryAfterMs?: number) => ({ ok: false, throttled: true, retryAfterMs }) as const;

/** Takes `n` slots at once (they must be free). */
async function take(pacer: Pacer, n: number): Promise<Ticket[]> {
	return await Promise.all(Array.from({ length: n }, async () => await pacer.acquire()));
}

/** Settles `ticket` with a 429 (Retry-After 300 ms) and checks that the next start waits for it. */
async function expectNextStartHeld(pacer: Pacer, ticket: Ticket): Promise<void> {
	const answeredAt = Date.now();
	pacer.settle(ticket, throttled(300));
	await pacer.acquire();
	expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(290);
}

/** One request of the account through its window: taken, then answered `outcome`. */
function answer(window: AccountWindow, outcome: AttemptOutcome = ok, ticket = window.take()): void {
	window.give(ticket, outcome);
}
const tooMany: AttemptOutcome = { ok: false, throttled: true, retryAfterMs: 1000 };

describe('account window (adaptive in-flight count)', () => {
	it('starts low and adds one per success while requests wait for it, and never when none do', () => {
		const window = new AccountWindow();
		expect(window.limit).toBe(START_IN_FLIGHT);
		for (let i = 0; i < 5; i++) answer(window);
		expect(window.limit).toBe(START_IN_FLIGHT); // nothing waited: more in flight would not help
		window.waiting = 1;
		const seen: number[] = [];
		for (let i = 0; i < 4; i++) {
			answer(window);
			seen.push(window.limit);
		}
		expect(seen).toEqual([3, 4, 5, 6]);
	});

	it('goes down to the level that got through on a 429 (one less than the refused request\'s place), never below one', () => {
		const window = new AccountWindow();
		window.waiting = 1;
		for (let i = 0; i < 6; i++) answer(window);
		expect(window.limit).toBe(8);
		const wave = Array.from({ length: 8 }, () => window.take());
		window.give(wave[7], tooMany); // the 8th in flight was refused: 7 got through
		expect(window.limit).toBe(7);
		window.give(wave[4], tooMany); // so was the 5th, sent before: 4 got through
		expect(window.limit).toBe(4);
		for (const ticket of [wave[5], wave[6]]) window.give(ticket, tooMany); // later places: no lower
		expect(window.limit).toBe(4);
		for (const ticket of wave.slice(0, 4)) window.give(ticket, ok);
		expect(window.limit).toBe(4); // 5 drew a 429: no climb to it at once
		const lone = window.take();
		window.give(lone, tooMany);
		expect(window.limit).toBe(1);
	});

	it('climbs back one step per success to just under the level that drew a 429, then tries it again after about the Retry-After, longer with a bigger share and after a failed try', () => {
		let now = 1_000_000;
		const window = new AccountWindow(() => now, () => 0.5); // no jitter
		window.waiting = 1;
		for (let i = 0; i < 4; i++) answer(window);
		expect(window.limit).toBe(6);
		const wave = Array.from({ length: 6 }, () => window.take());
		window.give(wave[3], tooMany); // the 4th in flight was refused: 4 is too many, 3 got through
		expect(window.limit).toBe(3);
		for (const ticket of [...wave.slice(0, 3), ...wave.slice(4)]) window.give(ticket, ok);
		expect(window.limit).toBe(3); // just under 4, and no further
		// Retry-After 1 s, 3 requests held: tried again after (3 + 1) / 2 s.
		now += 1999;
		for (let i = 0; i < 20; i++) answer(window);
		expect(window.limit).toBe(3);
		now += 1;
		answer(window);
		expect(window.limit).toBe(4);
		// The try fails (the 4th in flight refused): back to 3, and the next try twice as long after this 429.
		const failTry = () => {
			const tryWave = Array.from({ length: 4 }, () => window.take());
			window.give(tryWave[3], { ok: false, throttled: true, retryAfterMs: 1000 });
			for (const ticket of tryWave.slice(0, 3)) window.give(ticket, ok);
			expect(window.limit).toBe(3);
			return now;
		};
		/** The limit stays at `level` until `afterMs` past `from`, and the next success then tries one more. */
		const expectTryAfter = (from: number, afterMs: number, level: number) => {
			now = from + afterMs - 1;
			answer(window);
			expect(window.limit).toBe(level);
			now = from + afterMs;
			answer(window);
			expect(window.limit).toBe(level + 1);
		};
		expectTryAfter(failTry(), 4000, 3);
		// Failed again: still twice (not four times), so a squeezed process keeps trying every few seconds.
		expectTryAfter(failTry(), 4000, 3);
		const refusedAt = failTry();
		// A 429 below the level known to be too many (another process took a share): the short wait again.
		now = refusedAt + 100;
		const squeezed = Array.from({ length: 3 }, () => window.take());
		window.give(squeezed[2], { ok: false, throttled: true, retryAfterMs: 1000 });
		for (const ticket of squeezed.slice(0, 2)) window.give(ticket, ok);
		expect(window.limit).toBe(2);
		expectTryAfter(now, 1500, 2); // (2 + 1) / 2 s
	});

	it('tries again sooner with a small share of the limit, and spreads the tries of processes that met it together', () => {
		let now = 0;
		const at = (random: number) => {
			const window = new AccountWindow(() => now, () => random);
			now = 5000;
			const [first, second] = [window.take(), window.take()];
			window.give(second, tooMany); // 2 in flight was one too many: down to 1
			window.give(first, ok);
			window.waiting = 1;
			// The first success at or after the try time raises the limit.
			for (let ms = 0; ms <= 3000; ms += 10) {
				now = 5000 + ms;
				answer(window);
				if (window.limit > 1) return ms;
			}
			return undefined;
		};
		expect(at(0.5)).toBe(1000); // 1 request held: a second
		expect(at(0)).toBe(750); // jitter: 0.75 to 1.25 times
		expect(at(0.99)).toBe(1250);
	});

	it('forgets the level that drew a 429 once a try at it holds for a round, and climbs freely again', () => {
		let now = 0;
		const window = new AccountWindow(() => now, () => 0.5);
		window.waiting = 1;
		answer(window); // 3
		const wave = Array.from({ length: 3 }, () => window.take());
		window.give(wave[2], tooMany); // 3 is too many: down to 2
		window.give(wave[0], ok);
		window.give(wave[1], ok);
		expect(window.limit).toBe(2);
		now += 1500; // (2 + 1) / 2 s after the 429
		answer(window);
		expect(window.limit).toBe(3); // tries 3
		for (let i = 0; i < 3; i++) answer(window); // a round at 3 without a 429: the limit is gone
		expect(window.limit).toBe(3);
		for (let i = 0; i < 5; i++) answer(window);
		expect(window.limit).toBe(8); // one step per success, as at the start
	});

	it('keys accounts by API URL and token without keeping the token', () => {
		const key = accountKey('https://api.ximilar.com', 'secret-token-123');
		expect(key).toBe(accountKey('https://api.ximilar.com', 'secret-token-123'));
		expect(key).not.toBe(accountKey('https://api.ximilar.com', 'secret-token-124'));
		expect(key).not.toBe(accountKey('http://127.0.0.1:9', 'secret-token-123'));
		expect(key).not.toContain('secret');
	});
});

describe('adaptive pacer', () => {
	it('climbs while the run has requests waiting, up to Parallel Requests', async () => {
		const pacer = new Pacer({ max: 5, adaptive: true });
		expect(pacer.limit).toBe(START_IN_FLIGHT);
		// Twelve requests, each answered as soon as it starts.
		let most = 0;
		let inFlight = 0;
		await Promise.all(
			Array.from({ length: 12 }, async () => {
				const ticket = await pacer.acquire();
				most = Math.max(most, ++inFlight);
				await new Promise((resolve) => setImmediate(resolve));
				inFlight--;
				pacer.settle(ticket, ok);
			}),
		);
		expect(pacer.limit).toBe(5);
		expect(most).toBeLessThanOrEqual(5);
	});

	it('shares what it learns with the other runs of the same account, and only with them', async () => {
		const key = accountKey('http://shared.example', `token-${Date.now()}`);
		const first = new Pacer({ max: 8, adaptive: true });
		const second = new Pacer({ max: 8, adaptive: true });
		const other = new Pacer({ max: 8, adaptive: true });
		first.join(key);
		second.join(key);
		other.join(accountKey('http://shared.example', 'another-token'));
		// The first run holds both slots of the shared window: the second run's request waits.
		const held = [await first.acquire(), await first.acquire()];
		let started = false;
		const waiting = second.acquire().then((ticket) => {
			started = true;
			return ticket;
		});
		const unrelated = await other.acquire(); // another account: not held back
		await new Promise((resolve) => setImmediate(resolve));
		expect(started).toBe(false);
		first.settle(held[0], ok); // a success while the second run waits: the shared window climbs to 3
		const ticket = await waiting;
		expect(ticket.inFlight).toBe(2);
		expect(first.limit).toBe(3);
		expect(second.limit).toBe(3);
		// A 429 to one run lowers the window of both.
		second.settle(ticket, { ok: false, throttled: true, retryAfterMs: 1000 });
		expect(first.limit).toBe(1);
		expect(second.limit).toBe(1);
		first.settle(held[1], ok);
		other.settle(unrelated, ok);
		expect(other.limit).toBe(START_IN_FLIGHT);
	});

	it('holds every start for Retry-After once two requests in a row, each alone in flight, are answered 429', async () => {
		const pacer = new Pacer({ max: 4, adaptive: true });
		const [first] = await take(pacer, 1);
		pacer.settle(first, throttled(300));
		expect(pacer.limit).toBe(1);
		// One alone may be another process's doing (queue-mode workers share the account): the next goes at once.
		const before = Date.now();
		const [second] = await take(pacer, 1);
		expect(Date.now() - before).toBeLessThan(100);
		await expectNextStartHeld(pacer, second);
	});

	it('holds every start for Retry-After after two lone 429s whatever the window allows, and a success in between starts the count again', async () => {
		const pacer = new Pacer({ max: 1, adaptive: true }); // Parallel Requests 1; the window would allow 2
		const [first] = await take(pacer, 1);
		pacer.settle(first, throttled(300));
		const [fine] = await take(pacer, 1);
		pacer.settle(fine, ok);
		const [again] = await take(pacer, 1);
		pacer.settle(again, throttled(300));
		const before = Date.now();
		const [lone] = await take(pacer, 1);
		expect(Date.now() - before).toBeLessThan(100);
		await expectNextStartHeld(pacer, lone);
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
