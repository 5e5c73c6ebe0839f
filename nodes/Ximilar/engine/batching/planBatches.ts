import type { IDataObject } from 'n8n-workflow';

import { inputFailure, type ItemFailure } from '../../failures/itemFailure';
import { stableJson } from '../../json/stableJson';
import { isAsync, type MaybeAsync } from '../../records/maybeAsync';
import type { PreparedItem, RequestTarget } from '../../records/prepared';

export interface BatchLimits {
	/** Records per request (Ximilar takes at most 10). */
	maxRecords: number;
	/** Body size a request stays under; a single larger record is refused (see tooLarge). */
	maxBytes: number;
}

export interface Batch {
	target: RequestTarget;
	itemIndexes: number[];
	records: IDataObject[];
	/** The `_id` each record was sent with, kept after `records` is emptied for sending. */
	recordIds: Array<string | undefined>;
	bytes: number;
}

/** At most this many requests are being filled at once, however many groups the items form. */
export const MAX_OPEN_BATCHES = 8;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * A record that alone passes Max Request Size: refused before sending, so that no credit
 * is spent on a request Ximilar (or a proxy before it) would likely refuse as too large.
 */
function tooLarge(bytes: number, maxBytes: number): ItemFailure {
	return inputFailure(
		`the image is ${megabytes(bytes)} in the request (base64 makes an image about a third larger than its file), more than Max Request Size (${megabytes(maxBytes)})`,
		'Make the image smaller before this node (e.g. Edit Image > Resize), or raise Max Request Size under Options. Nothing was sent, so no credit was spent.',
	);
}

/** Items whose targets have equal keys can share a request. */
export function targetKey(target: RequestTarget): string {
	return stableJson([target.path, target.headers ?? {}, target.fields ?? {}, target.maxRecords ?? null]);
}

/**
 * targetKey, remembered within a run: by the target object (operations hand the same object
 * to every item when nothing of it can differ per item), else by its plain JSON (native, far
 * cheaper than the sorted one) for targets equal in content.
 */
function targetKeys(): (target: RequestTarget) => string {
	const byObject = new WeakMap<RequestTarget, string>();
	const byJson = new Map<string, string>();
	return (target) => {
		let key = byObject.get(target);
		if (key !== undefined) return key;
		const json = JSON.stringify(target);
		key = byJson.get(json);
		if (key === undefined) byJson.set(json, (key = targetKey(target)));
		byObject.set(target, key);
		return key;
	};
}

/**
 * Walks the items in order, preparing each one only when it is reached, and yields
 * batches of items that share a request target, each within the limits. A batch is
 * yielded as soon as it is full; one batch is kept open per target, and when too many
 * are open (or together hold more than one request's worth of bytes) the oldest goes
 * out early. So only the batches in flight plus about one request's worth of open
 * batches hold image data: memory stays flat however many items there are. Refused
 * items (and records larger than a request may be) are reported and leave no gap in a batch;
 * so do items that repeat an earlier item's request (`isCopy`).
 */
export async function* planBatches(
	itemCount: number,
	prepare: (itemIndex: number) => MaybeAsync<PreparedItem>,
	limits: BatchLimits,
	onRefused: (itemIndex: number, failure: ItemFailure) => void,
	shouldStop: () => boolean = () => false,
	/**
	 * Whether the item repeats the request of an earlier one (distinctRecords.ts), given its
	 * target's key: then it is not sent. A promise only when an image had to be read again.
	 */
	isCopy?: (itemIndex: number, record: IDataObject, targetKey: string) => boolean | Promise<boolean>,
): AsyncGenerator<Batch> {
	// A Map keeps insertion order: the first entry is the batch opened longest ago.
	const open = new Map<string, Batch>();
	let openBytes = 0;
	const keyOf = targetKeys();
	const take = (key: string): Batch => {
		const batch = open.get(key) as Batch;
		open.delete(key);
		openBytes -= batch.bytes;
		return batch;
	};
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		if (shouldStop()) return;
		const pending = prepare(itemIndex);
		// Awaited only when it waits for something: an await per URL item cost more than its record.
		const prepared = isAsync(pending) ? await pending : pending;
		if ('failure' in prepared) {
			onRefused(itemIndex, prepared.failure);
			continue;
		}
		if (prepared.bytes > limits.maxBytes) {
			onRefused(itemIndex, tooLarge(prepared.bytes, limits.maxBytes));
			continue;
		}
		const key = keyOf(prepared.target);
		const copy = isCopy?.(itemIndex, prepared.record, key) ?? false;
		if (copy === true || (copy !== false && (await copy))) continue;
		const current = open.get(key);
		if (current && current.bytes + prepared.bytes > limits.maxBytes) yield take(key);
		while ((!open.has(key) && open.size >= MAX_OPEN_BATCHES) || openBytes + prepared.bytes > limits.maxBytes) {
			const oldest = [...open.keys()].find((other) => other !== key);
			if (oldest === undefined) break;
			yield take(oldest);
		}
		let batch = open.get(key);
		if (!batch) {
			batch = { target: prepared.target, itemIndexes: [], records: [], recordIds: [], bytes: 0 };
			open.set(key, batch);
		}
		batch.itemIndexes.push(itemIndex);
		batch.records.push(prepared.record);
		batch.recordIds.push(typeof prepared.record._id === 'string' ? prepared.record._id : undefined);
		batch.bytes += prepared.bytes;
		openBytes += prepared.bytes;
		if (batch.records.length >= Math.min(limits.maxRecords, batch.target.maxRecords ?? limits.maxRecords)) yield take(key);
	}
	for (const key of [...open.keys()]) {
		if (shouldStop()) return;
		yield take(key);
	}
}
