import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemFailure, Outcome } from '../failures/itemFailure';
import { failureToError, failureToErrorOutputJson, failureToJson, type RunTally } from '../failures/n8nError';
import { agentOutputs, isToolCall } from './agentAnswer';

/**
 * The column of an item that repeated an earlier item's request and shares its result (it was
 * not sent, so not billed): that item's index, as in the "Item N" of messages. It goes in full
 * and raw rows, never in an agent's compact answer.
 */
export const SHARED_RESULT_FIELD = 'result_shared_with_item';

export interface PairOptions {
	/** Turns a returned record into one or more output json objects. */
	shape: (record: IDataObject, itemIndex: number) => IDataObject[];
	/** Pass the input item's binary data through to its outputs. */
	includeBinary?: boolean;
	/** Binary data made for one output (e.g. a downloaded result image), by its position among the item's outputs. */
	binaryFor?: (itemIndex: number, position: number) => IBinaryKeyData | undefined;
	/** Leave SHARED_RESULT_FIELD out of the rows (the compact Simplified output); it is in them unless this is false. */
	sharedResultField?: boolean;
	/** What Ximilar bills per item (an image, a job), when it does: the error that stops the node says what was billed. */
	billed?: RunTally['billed'];
}

/** The Options switch that keeps the input item's fields beside its result (n8n's "Include Other Input Fields"). */
const INCLUDE_INPUT_FIELDS = 'options.includeInputFields';

/** How the other items of a run fared, for the error that stops the node at one of them. */
function tally(outcomes: Array<Outcome | undefined>, failedIndex: number, billed: RunTally['billed']): RunTally {
	const counts = { processed: 0, failed: 0, notSent: 0 };
	for (let index = 0; index < outcomes.length; index++) {
		if (index === failedIndex) continue;
		const outcome = outcomes[index];
		if (!outcome) counts.notSent++;
		else if ('failure' in outcome) counts.failed++;
		else counts.processed++;
	}
	return { ...counts, billed };
}

/** Every item fails the same way (a node-level setting is wrong), paired as any other failure. */
export function pairFailureForAll(ctx: IExecuteFunctions, failure: ItemFailure): INodeExecutionData[] {
	const outcomes = ctx.getInputData().map(() => ({ failure }));
	return pairOutcomes(ctx, outcomes, { shape: () => [] });
}

const NOT_PROCESSED: ItemFailure = {
	kind: 'input',
	message: 'not processed, because an earlier item failed',
};

const STOPPED: ItemFailure = {
	kind: 'input',
	message: 'not sent, because the execution was stopped',
	description: 'Run the workflow again to process this item.',
};

/**
 * The one place outputs are made: every input item gets its outputs at its own position,
 * each paired to it (with the input's own fields beside them when the user asks). Without
 * Continue On Fail the first failed item (lowest index) is thrown, naming the item and
 * saying what became of the others and how to keep them; with it (or when the execution was
 * stopped), each failed item becomes an error item paired to its input, sent to the error
 * output when the node is set to "Continue (using error output)".
 */
export function pairOutcomes(
	ctx: IExecuteFunctions,
	outcomes: Array<Outcome | undefined>,
	options: PairOptions,
): INodeExecutionData[] {
	// Items left without an outcome were skipped after a failure, or when the execution was
	// stopped. A stopped run throws nothing (n8n shows it as stopped, not as failed): each
	// item not sent says so.
	const stopped = ctx.getExecutionCancelSignal?.()?.aborted === true;
	const missing = stopped ? STOPPED : NOT_PROCESSED;
	if (isToolCall(ctx)) return agentOutputs(outcomes, options.shape, missing);
	const node = ctx.getNode();
	if (!ctx.continueOnFail() && !stopped) {
		const firstFailed = outcomes.findIndex((outcome) => outcome !== undefined && 'failure' in outcome);
		const firstMissing = Array.from(outcomes.keys()).find((index) => outcomes[index] === undefined);
		// The node stops at its first failed item, and n8n shows nothing of the others: the error says what became of them.
		if (firstFailed >= 0) {
			const failure = (outcomes[firstFailed] as { failure: ItemFailure }).failure;
			throw failureToError(node, failure, firstFailed, tally(outcomes, firstFailed, options.billed));
		}
		if (firstMissing !== undefined) throw failureToError(node, missing, firstMissing, tally(outcomes, firstMissing, options.billed));
	}
	const toErrorOutput = node.onError === 'continueErrorOutput';
	const inputs = ctx.getInputData();
	const withInput = ctx.getNodeParameter(INCLUDE_INPUT_FIELDS, 0, false) === true;
	// The input's fields first, the result's after them (a result field of the same name wins).
	const beside = (itemIndex: number, json: IDataObject): IDataObject => (withInput ? { ...inputs[itemIndex]?.json, ...json } : json);
	const output: INodeExecutionData[] = [];
	// A plain loop: outcomes may have holes (items never reached), which forEach would skip.
	for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		const pairedItem = { item: itemIndex };
		if (!outcome || 'failure' in outcome) {
			const failure = outcome?.failure ?? missing;
			// n8n sends an item to the error output when its json is { error } alone (and merges
			// in the input item's fields itself); an item carrying `.error` would have its json
			// cut to { error } instead. The regular output gets every detail.
			const errorItem: INodeExecutionData = {
				json: toErrorOutput ? failureToErrorOutputJson(failure, itemIndex) : beside(itemIndex, failureToJson(failure, itemIndex)),
				pairedItem,
			};
			output.push(errorItem);
			continue;
		}
		const inputBinary = options.includeBinary ? inputs[itemIndex]?.binary : undefined;
		const sharedWith = options.sharedResultField !== false ? outcome.sharedWith : undefined;
		options.shape(outcome.record, itemIndex).forEach((row, position) => {
			const shaped = sharedWith === undefined ? row : Object.assign({}, row, { [SHARED_RESULT_FIELD]: sharedWith });
			const json = beside(itemIndex, shaped);
			const made = options.binaryFor?.(itemIndex, position);
			const binary = made || inputBinary ? { ...inputBinary, ...made } : undefined;
			output.push(binary ? { json, binary, pairedItem } : { json, pairedItem });
		});
	}
	return output;
}
