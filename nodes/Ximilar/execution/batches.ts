import type { IDataObject } from 'n8n-workflow';

import type { ItemFailure } from './failures';
import type { Prepared } from '../records/imageRecord';

export interface BatchLimits {
	/** Records per request (Ximilar takes at most 10). */
	maxRecords: number;
	/** Body size a request should stay under; a single larger record still goes, alone. */
	maxBytes: number;
}

export interface Batch {
	itemIndexes: number[];
	records: IDataObject[];
	bytes: number;
}

/**
 * Walks the items in order, preparing each one only when the batch it belongs to is
 * being filled, and yields full batches. Because batches are produced on demand, only
 * the batches in flight (plus the one being filled) hold image data: memory stays flat
 * however many items there are. Refused items are reported and leave no gap in a batch.
 */
export async function* planBatches(
	itemCount: number,
	prepare: (itemIndex: number) => Promise<Prepared>,
	limits: BatchLimits,
	onRefused: (itemIndex: number, failure: ItemFailure) => void,
	shouldStop: () => boolean = () => false,
): AsyncGenerator<Batch> {
	let batch: Batch = { itemIndexes: [], records: [], bytes: 0 };
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		if (shouldStop()) return;
		const prepared = await prepare(itemIndex);
		if ('failure' in prepared) {
			onRefused(itemIndex, prepared.failure);
			continue;
		}
		const full =
			batch.records.length >= limits.maxRecords ||
			(batch.records.length > 0 && batch.bytes + prepared.bytes > limits.maxBytes);
		if (full) {
			yield batch;
			batch = { itemIndexes: [], records: [], bytes: 0 };
		}
		batch.itemIndexes.push(itemIndex);
		batch.records.push(prepared.record);
		batch.bytes += prepared.bytes;
	}
	if (batch.records.length > 0 && !shouldStop()) yield batch;
}
