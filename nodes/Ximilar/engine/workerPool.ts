import type { IExecuteFunctions } from 'n8n-workflow';

import { thrownFailure, type Outcome } from '../failures/itemFailure';

export interface PoolOptions<R> {
	/** Most tasks at once. */
	parallel: number;
	/** Once it fires (the execution was stopped), no further task starts. */
	signal?: AbortSignal;
	/** After a result for which this is true, no further task starts. */
	stopAfter?: (result: R) => boolean;
}

/**
 * The one worker pool: runs `work` for tasks 0..count-1, at most `parallel` at once, each
 * result at its task's index, whatever order they finish in. Tasks not started (after a
 * stop or a stopping result) have no result. Should a task throw, no further task starts
 * and the error is thrown only once every task already started has ended: nothing the
 * pool started (a billed job submit, say) runs on after the node has given its answer.
 */
export async function runPool<R>(count: number, work: (index: number) => Promise<R>, options: PoolOptions<R>): Promise<Array<R | undefined>> {
	const results: Array<R | undefined> = new Array(count);
	let next = 0;
	let stopped = false;
	let thrown: { error: unknown } | undefined;
	const worker = async () => {
		while (next < count && !stopped && !options.signal?.aborted) {
			const index = next++;
			try {
				const result = await work(index);
				results[index] = result;
				if (options.stopAfter?.(result)) stopped = true;
			} catch (error) {
				thrown ??= { error };
				stopped = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel, count)) }, worker));
	if (thrown) throw thrown.error;
	return results;
}

/**
 * `work` for every input item through the pool: an error it throws fails only its item, and
 * after a failure no further item starts unless the node continues on fail (the node will
 * throw anyway).
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	options: { parallel: number; signal?: AbortSignal },
	work: (itemIndex: number) => Promise<Outcome>,
): Promise<Array<Outcome | undefined>> {
	const stopOnFailure = !ctx.continueOnFail();
	return await runPool(
		ctx.getInputData().length,
		async (itemIndex): Promise<Outcome> => {
			try {
				return await work(itemIndex);
			} catch (error) {
				return { failure: thrownFailure(error) };
			}
		},
		{ ...options, stopAfter: (outcome) => stopOnFailure && 'failure' in outcome },
	);
}
