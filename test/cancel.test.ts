/**
 * Cancellation: stopping the execution stops the node quickly. No
 * new batch starts, a wait between attempts ends, requests in flight are aborted, and
 * no item is reported as a network failure because of the stop. The request log shows
 * no request started after the stop.
 */
import { runNode, type RunResult } from './harness/engine';
import { urlItems } from './harness/items';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { dump, failureOf } from './support/outputs';

const ctx = useSimulator();
const PATH = '/collectibles/v2/tcg_id';

const parameters = (options: Record<string, unknown> = {}) => urlRecognizeParameters({ options: { parallelRequests: 2, ...options } });

/** Words that would blame the network for the stop. */
const NETWORK_WORDS = /connection|reach|network|No answer|ECONN|abort/i;

/** Runs the node and presses Stop as soon as `when` holds; returns the run and the moment of the stop. */
async function runAndStop(
	when: () => boolean,
	options: Record<string, unknown> = {},
	onError?: 'continueRegularOutput',
): Promise<{ result: RunResult; stoppedAt: number; endedAt: number }> {
	let stoppedAt = 0;
	const result = await runNode({
		parameters: parameters(options) as never,
		items: urlItems(60),
		credentials: ctx.credentials,
		onError,
		onStarted: (stop) => {
			const poll = setInterval(() => {
				if (!when()) return;
				clearInterval(poll);
				stoppedAt = Date.now();
				stop();
			}, 5);
		},
	});
	return { result, stoppedAt, endedAt: Date.now() };
}

function expectNoNetworkBlame(result: RunResult): void {
	const failures = result.main.map(failureOf).filter((failure) => failure !== undefined);
	for (const failure of failures) {
		expect(failure?.message).not.toMatch(NETWORK_WORDS);
		expect(failure?.message).toMatch(/Not sent, because the execution was stopped/);
	}
	// n8n's own "The execution was cancelled manually", never the node's network words.
	if (result.error) expect(result.error.message).not.toMatch(NETWORK_WORDS);
	if (result.error) expect(result.error.message).not.toMatch(/^Item \d+:/);
}

describe('stopping the execution', () => {
	it('aborts the requests in flight and starts no new batch', async () => {
		ctx.sim.latencyMs = 5000;
		const { result, stoppedAt, endedAt } = await runAndStop(() => ctx.sim.log.length >= 2, {}, 'continueRegularOutput');
		expect(stoppedAt).toBeGreaterThan(0);
		// The two requests in flight were the only ones: nothing started after the stop.
		expect(ctx.sim.log.filter((entry) => entry.startedAt > stoppedAt)).toEqual([]);
		expect(ctx.sim.log).toHaveLength(2);
		// Aborted: the client left before the (5 s) answer, and the node ended before it would have come.
		expect(ctx.sim.log.map((entry) => entry.status)).toEqual([0, 0]);
		expect(endedAt).toBeLessThan(Math.min(...ctx.sim.log.map((entry) => entry.startedAt)) + 5000);
		expect(result.status).toBe('canceled');
		expectNoNetworkBlame(result);
		// Every item is accounted for, paired: none was sent to the end, so each says it was not sent.
		expect(result.main.map((item) => [item.pairedItem, failureOf(item)?.message])).toEqual(
			Array.from({ length: 60 }, (_, i) => [{ item: i }, `Not sent, because the execution was stopped [item ${i}]`]),
		);
	});

	it('ends a wait between attempts (Retry-After 30 s) without another attempt', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'status', status: 429, retryAfter: '30' });
		const { result, stoppedAt, endedAt } = await runAndStop(() => ctx.sim.log.length >= 1 && ctx.sim.log[0].status === 429, {
			parallelRequests: 1,
		});
		await new Promise((resolve) => setTimeout(resolve, 300));
		// The refused batch was not attempted again. One 429 to a request alone in flight does not
		// hold the account, so other batches may have gone before the stop reached the node; that
		// nothing starts after a stop is the first test's, where no answer frees a slot.
		const refused = ctx.sim.log[0].recordIds;
		expect(ctx.sim.log.filter((entry) => JSON.stringify(entry.recordIds) === JSON.stringify(refused)).map((entry) => entry.status)).toEqual([429]);
		// Well before the 30 s wait would have ended.
		expect(endedAt - stoppedAt).toBeLessThan(15_000);
		expect(result.status).toBe('canceled');
		expectNoNetworkBlame(result);
		expect(dump(result.error ?? {})).not.toMatch(/30 s|rate limit/);
	});

	it('without Continue On Fail shows the run as stopped, each item not sent saying so', async () => {
		ctx.sim.latencyMs = 1000;
		const { result, stoppedAt } = await runAndStop(() => ctx.sim.log.length >= 1, { parallelRequests: 1 });
		expect(ctx.sim.log.filter((entry) => entry.startedAt > stoppedAt)).toEqual([]);
		expect(result.status).toBe('canceled');
		expect(result.error?.name).toBe('ManualExecutionCancelledError');
		expectNoNetworkBlame(result);
	});
});
