import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { thrownFailure, type ItemFailure, type Outcome } from '../../failures/itemFailure';
import { isObject } from '../../json/read';
import { recordFailureStatus } from '../../json/status';
import { isAsync, type MaybeAsync } from '../../records/maybeAsync';
import type { PreparedItem, RequestTarget } from '../../records/prepared';
import type { Pacer } from '../../transport/pacer';
import type { DistinctRecords } from './distinctRecords';
import { dispatchBatches } from './dispatch';
import { planBatches, type Batch, type BatchLimits } from './planBatches';

/** What one request came to. `cancelled`: the execution was stopped, its items get no outcome. */
export type SendResult =
	| { records: IDataObject[] }
	| { failure: ItemFailure }
	| { cancelled: true }
	/** The sender matched the answer to the records itself: one outcome per record sent, in order (matchById.ts). */
	| { outcomes: Outcome[] };

export interface BatchedRun {
	itemCount: number;
	/** Builds item i's record and its request target (reads its image); refuses bad input without any request. At once unless it waits for something (a file). */
	prepare(itemIndex: number): MaybeAsync<PreparedItem>;
	/** One request for a batch of records; resolves to the returned records, in order. May empty `records` once sent. */
	send(target: RequestTarget, records: IDataObject[]): Promise<SendResult>;
	limits: BatchLimits;
	/** Most requests in flight at once. */
	parallel: number;
	/** Paces the requests (adaptive in-flight count, per-minute cap); it gates each attempt in the transport. */
	pacer?: Pacer;
	/** Stop starting new requests after the first failure (the node will throw anyway). */
	stopOnFailure: boolean;
	/** The execution's cancel signal: once it fires, no item is read and no batch starts. */
	signal?: AbortSignal;
	/** Read-only operations: an item repeating an earlier item's request is not sent, and shares its outcome. */
	distinct?: DistinctRecords;
}

/**
 * Items read ahead (another prepared batch already waits for a slot) are read in slices of
 * about this many ms, with a turn of the event loop between slices: reading an item is
 * synchronous n8n work (expressions, about 1 ms each), and an answer that arrives meanwhile
 * would wait for a whole batch of reads, its slot idle, before the next request could go.
 * A batch that would go next is read straight through: a turn costs at least 1 ms idle
 * (n8n's sleep), which only the read-ahead can afford.
 */
const SLICE_MS = 1;

/** What to do about a record Ximilar refused, from its `_status.text`. */
function recordHint(text: string): string {
	if (/download|url/i.test(text)) return 'Check that the URL is public and links straight to an image file, not a web page.';
	if (/format|decode|image/i.test(text)) return 'Convert the image to JPEG, PNG or WEBP.';
	if (/not found/i.test(text)) return 'Check the Image ID.';
	return 'See Ximilar\'s text above.';
}

/**
 * A returned record whose `_status.code` is not 2xx failed alone: one bad image does not fail
 * its batch (what became of the others is said where the node stops, output/pairItems.ts).
 */
function recordFailure(record: IDataObject): ItemFailure | undefined {
	const status = recordFailureStatus(record);
	if (!status) return undefined;
	const text = status.text ?? 'no reason given';
	return {
		kind: 'api',
		message: `Ximilar could not process the image: ${text}`,
		description: recordHint(text),
		statusCode: status.code,
		statusText: text,
		recordId: typeof record._id === 'string' ? record._id : undefined,
	};
}

/** Gives every item of a batch its outcome from the request's result, at the item's own index. */
function settleBatch(batch: Batch, result: SendResult, outcomes: Array<Outcome | undefined>): void {
	if ('cancelled' in result) return;
	if ('failure' in result) {
		batch.itemIndexes.forEach((itemIndex, position) => {
			const recordId = batch.recordIds[position];
			outcomes[itemIndex] = { failure: recordId === undefined ? result.failure : { ...result.failure, recordId } };
		});
		return;
	}
	if ('outcomes' in result) {
		batch.itemIndexes.forEach((itemIndex, position) => (outcomes[itemIndex] = result.outcomes[position]));
		return;
	}
	const sent = batch.itemIndexes.length;
	if (result.records.length !== sent) {
		const failure: ItemFailure = {
			kind: 'api',
			message: `Ximilar returned ${result.records.length} results for the ${sent} images sent, so results cannot be matched to items`,
			description: 'No result was used for this request, to avoid giving an item another item\'s result.',
		};
		for (const itemIndex of batch.itemIndexes) outcomes[itemIndex] = { failure };
		return;
	}
	batch.itemIndexes.forEach((itemIndex, position) => {
		const record = result.records[position];
		const failure = isObject(record)
			? recordFailure(record)
			: { kind: 'api' as const, message: 'Ximilar returned an empty result for the image' };
		outcomes[itemIndex] = failure ? { failure } : { record };
	});
}

/**
 * Runs a job: items become records in input order, records that share a request target
 * go out in batches within the limits, at most `parallel` requests at a time, and every
 * item gets an outcome at its own index, whatever order the requests finish in. Items
 * left without an outcome were never sent (a failure stopped the job, or the execution
 * was cancelled). With `distinct`, an item that repeats an earlier request gets that one's outcome.
 */
export async function runBatches(job: BatchedRun): Promise<Array<Outcome | undefined>> {
	const outcomes: Array<Outcome | undefined> = new Array(job.itemCount);
	let failed = false;
	const cancelled = () => job.signal?.aborted === true;
	const fail = (itemIndex: number, failure: ItemFailure) => {
		outcomes[itemIndex] = { failure };
		failed = true;
	};
	let readingAhead = false;
	let sliceStart = Date.now();
	// An expression that cannot be resolved, for one: kept whole, with its type and description.
	const refused = (error: unknown): PreparedItem => ({ failure: thrownFailure(error) });
	const prepareNow = (itemIndex: number): MaybeAsync<PreparedItem> => {
		try {
			const prepared = job.prepare(itemIndex);
			return isAsync(prepared) ? prepared.catch(refused) : prepared;
		} catch (error) {
			return refused(error);
		}
	};
	const prepare = (itemIndex: number): MaybeAsync<PreparedItem> => {
		if (readingAhead && Date.now() - sliceStart >= SLICE_MS) {
			return sleep(0).then(() => {
				sliceStart = Date.now();
				return prepareNow(itemIndex);
			});
		}
		return prepareNow(itemIndex);
	};
	const send = async (batch: Batch): Promise<SendResult> => {
		try {
			return await job.send(batch.target, batch.records);
		} catch (error) {
			if (cancelled()) return { cancelled: true };
			return { failure: thrownFailure(error, 'api') };
		}
	};
	const distinct = job.distinct;
	const batches = planBatches(
		job.itemCount,
		prepare,
		job.limits,
		fail,
		() => cancelled() || (job.stopOnFailure && failed),
		distinct && ((itemIndex, record, targetKey) => distinct.isCopy(itemIndex, record, targetKey)),
	);

	const next = async (readAhead: boolean) => {
		readingAhead = readAhead;
		sliceStart = Date.now();
		if (cancelled()) return undefined;
		const step = await batches.next();
		return step.done ? undefined : step.value;
	};
	const run = async (batch: Batch) => {
		const result = await send(batch);
		if (distinct && !('cancelled' in result)) distinct.recordsSent += batch.itemIndexes.length;
		settleBatch(batch, result, outcomes);
		if (batch.itemIndexes.some((index) => 'failure' in (outcomes[index] ?? {}))) failed = true;
	};
	await dispatchBatches(next, run, job.pacer, Math.max(1, Math.min(job.parallel, job.itemCount)));
	distinct?.settle(outcomes);
	return outcomes;
}
