import type { IDataObject } from 'n8n-workflow';

import { inputFailure, type ItemFailure } from '../../failures/itemFailure';
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

/** JSON with object keys sorted, so that equal settings give equal keys whatever their order. */
function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${stableJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** Items whose targets have equal keys can share a request. */
export function targetKey(target: RequestTarget): string {
	return stableJson([target.path, target.headers ?? {}, target.fields ?? {}, target.maxRecords ?? null]);
}

/**
 * Walks the items in order, preparing each one only when it is reached, and yields
 * batches of items that share a request target, each within the limits. A batch is
 * yielded as soon as it is full; one batch is kept open per target, and when too many
 * are open (or together hold more than one request's worth of bytes) the oldest goes
 * out early. So only the batches in flight plus about one request's worth of open
 * batches hold image data: memory stays flat however many items there are. Refused
 * items (and records larger than a request may be) are reported and leave no gap in a batch.
 */
export async function* planBatches(
	itemCount: number,
	prepare: (itemIndex: number) => Promise<PreparedItem>,
	limits: BatchLimits,
	onRefused: (itemIndex: number, failure: ItemFailure) => void,
	shouldStop: () => boolean = () => false,
): AsyncGenerator<Batch> {
	// A Map keeps insertion order: the first entry is the batch opened longest ago.
	const open = new Map<string, Batch>();
	const openBytes = () => [...open.values()].reduce((sum, batch) => sum + batch.bytes, 0);
	const take = (key: string): Batch => {
		const batch = open.get(key) as Batch;
		open.delete(key);
		return batch;
	};
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		if (shouldStop()) return;
		const prepared = await prepare(itemIndex);
		if ('failure' in prepared) {
			onRefused(itemIndex, prepared.failure);
			continue;
		}
		if (prepared.bytes > limits.maxBytes) {
			onRefused(itemIndex, tooLarge(prepared.bytes, limits.maxBytes));
			continue;
		}
		const key = targetKey(prepared.target);
		const current = open.get(key);
		if (current && current.bytes + prepared.bytes > limits.maxBytes) yield take(key);
		const crowded = () =>
			(!open.has(key) && open.size >= MAX_OPEN_BATCHES) || openBytes() + prepared.bytes > limits.maxBytes;
		while (crowded()) {
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
		if (batch.records.length >= Math.min(limits.maxRecords, batch.target.maxRecords ?? limits.maxRecords)) yield take(key);
	}
	for (const key of [...open.keys()]) {
		if (shouldStop()) return;
		yield take(key);
	}
}
