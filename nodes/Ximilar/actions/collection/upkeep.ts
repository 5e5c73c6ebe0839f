import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { COLLECTION_METHODS } from '../../catalog/collections';
import { inputFailure } from '../../failures/itemFailure';
import { ReusedBuffers } from '../../execution/reusedBuffers';
import { runRecordJob } from '../../execution/runRecords';
import { withComputed } from '../../output/computedFields';
import { pairOutcomes } from '../../output/pairItems';
import { rawRecord } from '../../output/simplify';
import { recordBytes, type Prepared } from '../../records/imageRecord';
import { fieldList, textParameter } from '../../records/jsonObject';
import { prepareImageRecord, readExtraFields } from '../../records/recordFields';
import { startCollectionRun } from './collectionRun';
import { readCollectionTarget } from './target';
import { itemParameter } from '../../records/itemParameter';
import { upkeepSender } from './upkeepSender';

export type UpkeepOperation = 'insert' | 'update' | 'delete' | 'get';

function readRecordId(ctx: IExecuteFunctions, itemIndex: number): string {
	return textParameter(itemParameter(ctx, 'recordId', itemIndex, ''));
}

const EMPTY_ID = inputFailure('Record ID is empty', 'Map the _id of the record, e.g. {{ $json.sku }}.');

/** How item i becomes a record, per operation. */
const PREPARE: Record<UpkeepOperation, (ctx: IExecuteFunctions, itemIndex: number, memory: ReusedBuffers) => Promise<Prepared>> = {
	insert: async (ctx, itemIndex, memory) =>
		await prepareImageRecord(ctx, itemIndex, { fieldsParameter: 'metadata', fieldsLabel: 'Metadata', requireId: true, memory }),
	update: async (ctx, itemIndex) => {
		const id = readRecordId(ctx, itemIndex);
		if (!id) return { failure: EMPTY_ID };
		const metadata = readExtraFields(ctx, itemIndex, 'metadata', 'Metadata', ['_id', '_url', '_base64']);
		if ('failure' in metadata) return metadata;
		const record: IDataObject = { _id: id, ...metadata.fields };
		return { record, bytes: recordBytes(record) };
	},
	delete: async (ctx, itemIndex) => {
		const id = readRecordId(ctx, itemIndex);
		return id ? { record: { _id: id }, bytes: recordBytes({ _id: id }) } : { failure: EMPTY_ID };
	},
	get: async (ctx, itemIndex) => {
		const id = readRecordId(ctx, itemIndex);
		return id ? { record: { _id: id }, bytes: recordBytes({ _id: id }) } : { failure: EMPTY_ID };
	},
};

/** The record's fields, then `_id` and the record's status as a plain `status_code` (no request ids). */
function upkeepRow(record: IDataObject): IDataObject {
	const { _id, _status, ...fields } = rawRecord(record);
	const row: IDataObject = { ...fields, _id };
	const code = (_status as IDataObject | undefined)?.code;
	if (typeof code === 'number') row.status_code = code;
	return row;
}

/** Top-level fields of item i's request: Get's fields to return (read per item). */
function requestFields(ctx: IExecuteFunctions, itemIndex: number, operation: UpkeepOperation): IDataObject {
	return operation === 'get' ? { fields_to_return: fieldList(itemParameter(ctx, 'fieldsToReturn', itemIndex, '_id')) } : {};
}

/**
 * Insert, update, delete and get: records of up to 10 per request, grouped by collection,
 * one output item per input item in order, the answer matched to the items by `_id`: a
 * record Ximilar refuses or leaves out fails only its own item, with the reason.
 */
export async function upkeepCollection(
	this: IExecuteFunctions,
	operation: UpkeepOperation,
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const run = await startCollectionRun(this);
	if ('output' in run) return run.output;
	const { settings, type, connection } = run;
	const memory = new ReusedBuffers();

	const outcomes = await runRecordJob({
		itemCount,
		prepare: async (itemIndex) => {
			const target = readCollectionTarget(this, itemIndex, type, COLLECTION_METHODS[operation]);
			if ('failure' in target) return target;
			const prepared = await PREPARE[operation](this, itemIndex, memory);
			if ('failure' in prepared) return prepared;
			return { ...prepared, target: { ...target.target, fields: requestFields(this, itemIndex, operation) } };
		},
		send: upkeepSender(this, connection, settings.policy, operation, memory),
		limits: settings.limits,
		parallel: settings.parallel,
		pacer: settings.policy.pacer,
		stopOnFailure: !this.continueOnFail(),
		signal: connection.signal,
	});
	return pairOutcomes(this, outcomes, {
		shape: (record) => [withComputed({ operation }, upkeepRow(record))],
		includeBinary: settings.includeBinary,
	});
}
