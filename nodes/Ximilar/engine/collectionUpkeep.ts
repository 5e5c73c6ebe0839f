import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { COLLECTION_METHODS } from '../catalog/collections';
import { withComputed } from '../output/computedFields';
import { pairOutcomes } from '../output/pairItems';
import { rawRecord } from '../output/simplify';
import { readCollectionTarget, readCollectionType } from '../records/collectionTarget';
import type { Prepared } from '../records/prepared';
import { ReusedBuffers } from '../records/reusedBuffers';
import { runBatches } from './batching/runBatches';
import { batchSender, matchedById } from './batching/senders';
import { startRun } from './run';

export type UpkeepOperation = 'insert' | 'update' | 'delete' | 'get';

export interface UpkeepSpec {
	operation: UpkeepOperation;
	/** Item i as the record to send (reads its image into `memory` for Insert). */
	prepare(itemIndex: number, memory: ReusedBuffers): Promise<Prepared>;
	/** Top-level fields of item i's request (Get's fields to return). */
	requestFields?(itemIndex: number): IDataObject;
}

/** A deleted record: its `_id` and that it is gone; nothing else of it is left to show. */
function deletedRow(record: IDataObject): IDataObject {
	return { _id: record._id ?? null, deleted: true };
}

/** The record's fields, then `_id` and the record's status as a plain `status_code` (no request ids). */
function upkeepRow(record: IDataObject): IDataObject {
	const { _id, _status, ...fields } = rawRecord(record);
	const row: IDataObject = { ...fields, _id };
	const code = (_status as IDataObject | undefined)?.code;
	if (typeof code === 'number') row.status_code = code;
	return row;
}

/**
 * Insert, update, delete and get: records of up to 10 per request, grouped by collection,
 * one output item per input item in order, the answer matched to the items by `_id`: a
 * record Ximilar refuses or leaves out fails only its own item, with the reason.
 */
export async function runUpkeep(ctx: IExecuteFunctions, spec: UpkeepSpec): Promise<INodeExecutionData[]> {
	const run = await startRun(ctx, () => readCollectionType(ctx));
	if ('output' in run) return run.output;
	const { settings, type, connection } = run;
	const memory = new ReusedBuffers();
	const outcomes = await runBatches({
		itemCount: ctx.getInputData().length,
		prepare: async (itemIndex) => {
			const target = readCollectionTarget(ctx, itemIndex, type, COLLECTION_METHODS[spec.operation]);
			if ('failure' in target) return target;
			const prepared = await spec.prepare(itemIndex, memory);
			if ('failure' in prepared) return prepared;
			return { ...prepared, target: { ...target.target, fields: spec.requestFields?.(itemIndex) ?? {} } };
		},
		send: batchSender(ctx, connection, settings.policy, matchedById(spec.operation), memory),
		limits: settings.limits,
		parallel: settings.parallel,
		pacer: settings.policy.pacer,
		stopOnFailure: !ctx.continueOnFail(),
		signal: connection.signal,
	});
	return pairOutcomes(ctx, outcomes, {
		shape: (record) => [spec.operation === 'delete' ? deletedRow(record) : withComputed({ operation: spec.operation }, upkeepRow(record))],
		includeBinary: settings.includeBinary,
		billed: spec.operation === 'insert' ? 'image' : undefined,
	});
}
