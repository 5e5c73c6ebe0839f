import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failureToError, failureToJson, type ItemFailure } from '../execution/failures';
import type { Outcome } from '../execution/runRecords';

export interface PairOptions {
	/** Turns a returned record into one or more output json objects. */
	shape: (record: IDataObject, itemIndex: number) => IDataObject[];
	/** Pass the input item's binary data through to its outputs. */
	includeBinary?: boolean;
}

const NOT_PROCESSED: ItemFailure = {
	kind: 'input',
	message: 'not processed, because an earlier item failed',
};

/**
 * The one place outputs are made: every input item gets its outputs at its own position,
 * each paired to it. Without Continue On Fail the first failed item (lowest index) is
 * thrown, naming the item; with it, each failed item becomes an error item, which n8n
 * sends to the error output when the node is set to "Continue (using error output)".
 */
export function pairOutcomes(
	ctx: IExecuteFunctions,
	outcomes: Array<Outcome | undefined>,
	options: PairOptions,
): INodeExecutionData[] {
	const node = ctx.getNode();
	const continueOnFail = ctx.continueOnFail();
	if (!continueOnFail) {
		const firstFailed = outcomes.findIndex((outcome) => !outcome || 'failure' in outcome);
		if (firstFailed >= 0) {
			const outcome = outcomes[firstFailed];
			throw failureToError(node, outcome && 'failure' in outcome ? outcome.failure : NOT_PROCESSED, firstFailed);
		}
	}
	const inputs = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	// A plain loop: outcomes may have holes (items never reached), which forEach would skip.
	for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		const pairedItem = { item: itemIndex };
		if (!outcome || 'failure' in outcome) {
			const failure = outcome?.failure ?? NOT_PROCESSED;
			output.push({
				json: failureToJson(failure, itemIndex),
				error: failureToError(node, failure, itemIndex),
				pairedItem,
			});
			continue;
		}
		const binary = options.includeBinary ? inputs[itemIndex]?.binary : undefined;
		for (const json of options.shape(outcome.record, itemIndex)) {
			output.push(binary ? { json, binary, pairedItem } : { json, pairedItem });
		}
	}
	return output;
}
