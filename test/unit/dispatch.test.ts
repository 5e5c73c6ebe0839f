/** How many batches the dispatcher keeps going: the pacer's limit, read-ahead, and the bytes bound. */
import { dispatchBatches } from '../../nodes/Ximilar/engine/batching/dispatch';
import { Pacer } from '../../nodes/Ximilar/transport/pacer';

const MB = 1024 * 1024;

/** Runs `count` batches of `bytes` each; every run lasts a few ticks. Returns the most running at once. */
async function mostRunning(count: number, bytes: number, pacer: Pacer | undefined, parallel: number): Promise<number> {
	let left = count;
	let running = 0;
	let most = 0;
	await dispatchBatches(
		async () => (left-- > 0 ? { bytes } : undefined),
		async () => {
			most = Math.max(most, ++running);
			await new Promise((resolve) => setTimeout(resolve, 5));
			running--;
		},
		pacer,
		parallel,
	);
	return most;
}

describe('dispatching batches', () => {
	it('without a pacer: exactly `parallel` at a time', async () => {
		expect(await mostRunning(20, 1000, undefined, 3)).toBe(3);
	});

	it('with a pacer: its limit plus two batches prepared ahead', async () => {
		expect(await mostRunning(20, 1000, new Pacer({ max: 3, adaptive: false }), 3)).toBe(5);
		expect(await mostRunning(60, 1000, new Pacer({ max: 32, adaptive: false }), 32)).toBe(34);
	});

	it('big batches: past the first three only while all running hold under 48 MB', async () => {
		expect(await mostRunning(20, 13 * MB, new Pacer({ max: 32, adaptive: false }), 32)).toBe(4);
		expect(await mostRunning(20, 30 * MB, new Pacer({ max: 32, adaptive: false }), 32)).toBe(3);
	});

	it('tells a batch it is read ahead only when another prepared batch already waits for a slot', async () => {
		// Two slots; runs end only when released, so the dispatcher fills slots, then reads ahead.
		const pacer = new Pacer({ max: 2, adaptive: false });
		const flags: boolean[] = [];
		const releases: Array<() => void> = [];
		let left = 4;
		const done = dispatchBatches(
			async (readAhead) => {
				flags.push(readAhead);
				return left-- > 0 ? { bytes: 1 } : undefined;
			},
			async () => {
				// A batch holds a pacer slot while it runs, as a request does.
				const ticket = await pacer.acquire();
				await new Promise<void>((resolve) => releases.push(resolve));
				pacer.settle(ticket, { ok: true });
			},
			pacer,
			2,
		);
		await new Promise((resolve) => setTimeout(resolve, 20));
		// Batches 1 and 2 take the slots, 3 is read while the slots are full but nothing waits yet,
		// 4 is read while 3 waits for a slot: only then may reading yield to answers.
		expect(flags).toEqual([false, false, false, true]);
		while (releases.length) releases.shift()!();
		await new Promise((resolve) => setTimeout(resolve, 20));
		while (releases.length) releases.shift()!();
		await done;
		expect(flags).toHaveLength(5); // the fifth call found no batch left
	});

	it('hands back the first error once every batch has ended', async () => {
		let ended = 0;
		let left = 5;
		await expect(
			dispatchBatches(
				async () => (left-- > 0 ? { bytes: 1 } : undefined),
				async () => {
					await new Promise((resolve) => setTimeout(resolve, 5));
					ended++;
					if (ended === 1) throw new Error('boom');
				},
				undefined,
				2,
			),
		).rejects.toThrow('boom');
		expect(ended).toBeGreaterThanOrEqual(2);
	});
});
