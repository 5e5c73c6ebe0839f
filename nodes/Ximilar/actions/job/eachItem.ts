import type { IExecuteFunctions } from 'n8n-workflow';

import type { Outcome } from '../../execution/runRecords';

/** Runs `work` for every item, at most `parallel` at once; each outcome lands at its item's index. */
export async function forEachItem(
	ctx: IExecuteFunctions,
	parallel: number,
	work: (itemIndex: number) => Promise<Outcome>,
): Promise<Array<Outcome | undefined>> {
	const count = ctx.getInputData().length;
	const outcomes: Array<Outcome | undefined> = new Array(count);
	const stopOnFailure = !ctx.continueOnFail();
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < count && !(stopOnFailure && failed)) {
			const itemIndex = next++;
			try {
				outcomes[itemIndex] = await work(itemIndex);
			} catch (error) {
				outcomes[itemIndex] = { failure: { kind: 'input', message: (error as Error).message } };
			}
			if ('failure' in (outcomes[itemIndex] as Outcome)) failed = true;
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, count)) }, worker));
	return outcomes;
}
