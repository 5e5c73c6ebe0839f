import type { IDataObject, IExecuteFunctions, NodeExecutionHint } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import type { Outcome } from '../../failures/itemFailure';
import { stableJson } from '../../json/stableJson';
import { Base64Image } from '../../records/base64Image';
import { imageFingerprint } from '../../records/imageFingerprint';
import { sameImageAs } from '../../records/imageRecord';
import type { RunSettings } from '../settings';

type Image = string | Base64Image;

/** The most earlier images of one fingerprint an image is compared with byte for byte. */
const MOST_COMPARED = 2;

/** Whether item i's image is byte for byte `image` (read again: records/imageRecord.ts sameImageAs). */
export type SameImage = (itemIndex: number, image: Image) => Promise<boolean>;

/**
 * What makes two records of one request target the same (the target, its path, headers and
 * top-level fields, is keyed apart): the record's fields apart from its `_id`, and its image,
 * by URL or by the fingerprint of its bytes. `image`: the image to compare byte for byte with
 * the earlier item's when the keys are equal (none for a URL, which is in the key itself).
 * Undefined when the record holds more than one image, which is then simply sent.
 */
function identity(record: IDataObject): { key: string; image?: Image } | undefined {
	const fields = Object.keys(record);
	// The usual record of a URL: its `_id` and `_url`, keyed by the URL itself (this runs for every
	// item); every other key starts with a line break.
	if (typeof record._url === 'string' && (fields.length === 1 || (fields.length === 2 && '_id' in record))) {
		return { key: `u${record._url}` };
	}
	const images: Image[] = [];
	const fingerprint = (key: string, value: unknown): { image: string } | undefined => {
		if (key !== '_base64' || (typeof value !== 'string' && !(value instanceof Base64Image))) return undefined;
		images.push(value);
		return { image: typeof value === 'string' ? imageFingerprint(value) : value.fingerprint() };
	};
	// stableJson of the record without its `_id`, written out for a flat record (a string or
	// number per field) without walking it.
	let key = '';
	for (const field of fields.sort()) {
		if (field === '_id') continue;
		const value = record[field];
		const image = fingerprint(field, value);
		const json = image ? JSON.stringify(image) : typeof value === 'object' && value !== null ? stableJson(value, fingerprint) : JSON.stringify(value);
		key += `\n${JSON.stringify(field)}:${json}`;
	}
	if (images.length > 1) return undefined;
	return { key, image: images[0] };
}

/**
 * Each distinct image of a run sent once, for read-only operations (Recognize, Run Flow,
 * Search): Ximilar bills every record it processes, and a resent form, a product listed in two
 * colours with one photo, or a sheet whose rows point at the same pictures would pay for the
 * same answer again. An item whose request would be the same as an earlier item's is not sent;
 * it gets that item's record, with its own `_id`, at its own place. Never for collection upkeep,
 * where each record is an entry of its own.
 *
 * Memory: one short key per distinct request; no image is kept. Equal keys are confirmed byte
 * for byte by reading the earlier image again (`sameImage`), so a fingerprint that happens to
 * match never gives an item another image's result.
 */
export class DistinctRecords {
	/** Earlier items that were sent, by their target's key and their record's (several only when fingerprints matched but bytes did not). */
	private readonly sent = new Map<string, Map<string, number[]>>();
	/** Each copy and the earlier item whose result it shares. */
	readonly copies = new Map<number, number>();
	/** A copy's own `_id`, when it has one. */
	private readonly ownIds = new Map<number, string>();
	/** Records that went to Ximilar in requests. */
	recordsSent = 0;

	constructor(private readonly sameImage: SameImage) {}

	/**
	 * Whether item i repeats the request of an earlier item that is sent: then it is not sent
	 * itself, and its image's memory is given back at once.
	 */
	isCopy(itemIndex: number, record: IDataObject, targetKey: string): boolean | Promise<boolean> {
		const found = identity(record);
		if (!found) return false;
		let ofTarget = this.sent.get(targetKey);
		if (ofTarget === undefined) this.sent.set(targetKey, (ofTarget = new Map()));
		const earlier = ofTarget.get(found.key);
		if (earlier === undefined) {
			ofTarget.set(found.key, [itemIndex]);
			return false;
		}
		// The same URL, or no image: the key says it all.
		if (found.image === undefined) return this.copyOf(itemIndex, record, earlier[0], undefined);
		return this.sameImageAmong(itemIndex, record, earlier, found.image);
	}

	/**
	 * An image whose fingerprint matched: compared byte for byte with each earlier one of that
	 * key, at most MOST_COMPARED of them. Images that differ only where a fingerprint does not
	 * read (the same picture saved with other metadata, say) are rare; hundreds of them would
	 * each be read and compared with all the others before (seconds per image), so beyond a
	 * few such images one is simply sent, as with the option off.
	 */
	private async sameImageAmong(itemIndex: number, record: IDataObject, earlier: number[], image: Image): Promise<boolean> {
		for (const original of earlier) {
			if (await this.sameImage(original, image)) return this.copyOf(itemIndex, record, original, image);
		}
		if (earlier.length < MOST_COMPARED) earlier.push(itemIndex);
		return false;
	}

	private copyOf(itemIndex: number, record: IDataObject, original: number, image: Image | undefined): true {
		this.copies.set(itemIndex, original);
		if (typeof record._id === 'string') this.ownIds.set(itemIndex, record._id);
		if (image instanceof Base64Image) image.release();
		return true;
	}

	/**
	 * Every copy gets the outcome of the item it repeated: the record (a copy of its own, with
	 * the copy's `_id`, or none when it sent none) or the failure, under its own item number.
	 */
	settle(outcomes: Array<Outcome | undefined>): void {
		for (const [copy, original] of this.copies) {
			const outcome = outcomes[original];
			if (outcome === undefined) continue;
			const ownId = this.ownIds.get(copy);
			if ('failure' in outcome) {
				const shared = `It has the same image and request as item ${original}, sent once for both.`;
				const description = outcome.failure.description ? `${outcome.failure.description} ${shared}` : shared;
				outcomes[copy] = { failure: { ...outcome.failure, recordId: ownId, description } };
				continue;
			}
			const record = deepCopy(outcome.record);
			if (ownId !== undefined) record._id = ownId;
			else delete record._id;
			outcomes[copy] = { record, sharedWith: original };
		}
	}

	/** What the run saved, for the hint above the node's output; none when no item repeated another. */
	hint(): NodeExecutionHint | undefined {
		const copies = this.copies.size;
		if (copies === 0) return undefined;
		const itemCount = this.recordsSent + copies;
		// "images", the user's word for what Ximilar calls records.
		const records = (count: number) => `${count} ${count === 1 ? 'image' : 'images'}`;
		const items = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;
		return {
			type: 'info',
			location: 'outputPane',
			message:
				`${records(this.recordsSent)} sent to Ximilar for ${items(itemCount)}: ${items(copies)} had the same image and request as an earlier item and ` +
				`share its result, so ${records(copies)} fewer were billed (Options > Send Each Distinct Image Once).`,
		};
	}
}

/** The run's DistinctRecords when Send Each Distinct Image Once is on (the default); images are compared as the items' records read them. */
export function distinctRecordsFor(ctx: IExecuteFunctions, settings: RunSettings): DistinctRecords | undefined {
	return settings.distinctOnce ? new DistinctRecords((itemIndex, image) => sameImageAs(ctx, itemIndex, image)) : undefined;
}

/** Says above the node's output how many records were sent for how many items, when items shared results. */
export function hintSharedResults(ctx: IExecuteFunctions, distinct: DistinctRecords | undefined): void {
	const hint = distinct?.hint();
	if (hint) ctx.addExecutionHints(hint);
}
