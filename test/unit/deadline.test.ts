import { withDeadline } from '../../nodes/Ximilar/transport/deadline';

/** Work that ends only when its signal aborts (a request whose answer never comes), as n8n's HTTP helper does. */
const hanging = (signal: AbortSignal) =>
	new Promise<never>((_, reject) => {
		if (signal.aborted) reject(new Error('aborted'));
		else signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
	});

describe('a deadline for the whole of a request (one clock for all of them)', () => {
	it('gives the answer of work that ends in time, and aborts work that does not, after its deadline', async () => {
		const quick = await withDeadline(5_000, undefined, async () => 'answer');
		expect(quick).toEqual({ response: 'answer' });
		const started = Date.now();
		const slow = await withDeadline(100, undefined, hanging);
		const took = Date.now() - started;
		expect(slow).toMatchObject({ cancelled: false, timedOut: true });
		expect(took).toBeGreaterThanOrEqual(95);
		expect(took).toBeLessThan(100 + 1_000);
	});

	it('keeps each deadline when several overlap, a short one started while a long one runs included', async () => {
		const started = Date.now();
		const long = withDeadline(600, undefined, hanging).then((outcome) => ({ outcome, at: Date.now() - started }));
		const short = withDeadline(50, undefined, hanging).then((outcome) => ({ outcome, at: Date.now() - started }));
		const done = withDeadline(600, undefined, async () => 'in time');
		const [l, s, d] = await Promise.all([long, short, done]);
		expect(d).toEqual({ response: 'in time' });
		expect(s.outcome).toMatchObject({ timedOut: true });
		expect(l.outcome).toMatchObject({ timedOut: true });
		// The short one fires at its deadline or at most one clock wake (250 ms) after it, well before the long one.
		expect(s.at).toBeGreaterThanOrEqual(45);
		expect(s.at).toBeLessThan(l.at);
		expect(l.at).toBeGreaterThanOrEqual(595);
	});

	it('ends at once on Stop, as cancelled, not timed out', async () => {
		const stop = new AbortController();
		const started = Date.now();
		const pending = withDeadline(60_000, stop.signal, hanging);
		stop.abort();
		const outcome = await pending;
		expect(outcome).toMatchObject({ cancelled: true, timedOut: false });
		expect(Date.now() - started).toBeLessThan(1_000);
		const already = await withDeadline(60_000, stop.signal, hanging);
		expect(already).toMatchObject({ cancelled: true, timedOut: false });
	});

	it('starts its clock again for work that comes after all earlier work ended', async () => {
		await withDeadline(1_000, undefined, async () => 'first');
		await new Promise((resolve) => setTimeout(resolve, 300)); // the clock has stopped by now
		const outcome = await withDeadline(80, undefined, hanging);
		expect(outcome).toMatchObject({ timedOut: true });
	});
});
