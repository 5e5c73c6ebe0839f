import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ReusedBuffers } from './reusedBuffers';
import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { readRecordImageField, recordBytes } from './imageRecord';
import type { Prepared } from './prepared';
import { parseJsonObject, textParameter } from './jsonObject';
import { itemParameter, sameForEveryItem } from './itemParameter';
import { andThen, type MaybeAsync } from './maybeAsync';

const IMAGE_KEYS = ['_url', '_base64'];

/**
 * Extra record fields from a JSON parameter (Additional Image Fields, Metadata).
 * The image and the ID have parameters of their own, so the JSON may not set them.
 */
export function readExtraFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
	reserved: string[],
): { fields: IDataObject } | { failure: ItemFailure } {
	// Parsed once per run when it holds no expression: the same fields for every item (never changed by the callers).
	const parsed = sameForEveryItem(ctx, `fields:${parameter}`, [parameter], () => parseJsonObject(itemParameter(ctx, parameter, itemIndex, '{}'), label));
	if ('problem' in parsed) return { failure: inputFailure(parsed.problem) };
	const clash = Object.keys(parsed.value).find((key) => reserved.includes(key));
	if (clash) {
		return {
			failure: inputFailure(
				`${label} may not set "${clash}"`,
				'Set the image with "Image Source" and the ID with "Image ID".',
			),
		};
	}
	return { fields: parsed.value };
}

export interface ImageRecordSpec {
	/** JSON parameter merged into the record, and its label in messages. */
	fieldsParameter: string;
	fieldsLabel: string;
	/** Whether Image ID must be set (collections) or may be empty (recognition). */
	requireId: boolean;
	/** Memory reused within the run for image bytes (reusedBuffers.ts). */
	memory?: ReusedBuffers;
}

/** Item i as a record with an image: `_id`, extra fields, then `_url` or `_base64`; at once unless a file is read. */
export function prepareImageRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spec: ImageRecordSpec,
): MaybeAsync<Prepared> {
	const recordId = textParameter(itemParameter(ctx, 'recordId', itemIndex, ''));
	if (spec.requireId && !recordId) {
		return { failure: inputFailure('Image ID is empty', 'Map a unique ID for each image, e.g. {{ $json.sku }}.') };
	}
	const extra = readExtraFields(ctx, itemIndex, spec.fieldsParameter, spec.fieldsLabel, [...IMAGE_KEYS, '_id']);
	if ('failure' in extra) return extra;
	return andThen(readRecordImageField(ctx, itemIndex, spec.memory), (image): Prepared => {
		if ('failure' in image) return image;
		const id: IDataObject = recordId ? { _id: recordId } : {};
		// Object.assign is several times cheaper than spreads (Node 20's V8), but would take a
		// "__proto__" key of the user's fields for the prototype: their fields are spread.
		const record: IDataObject =
			Object.keys(extra.fields).length === 0 ? Object.assign(id, image.field) : { ...id, ...extra.fields, ...image.field };
		return { record, bytes: recordBytes(record) };
	});
}

const EMPTY_ID = inputFailure('Image ID is empty', 'Map the ID of the image in the collection, e.g. {{ $json.sku }}.');

/** Item i as a record of a collection by its `_id` alone (Delete, Get). */
export function idOnlyRecord(ctx: IExecuteFunctions, itemIndex: number): Prepared {
	const id = textParameter(itemParameter(ctx, 'recordId', itemIndex, ''));
	if (!id) return { failure: EMPTY_ID };
	const record = { _id: id };
	return { record, bytes: recordBytes(record) };
}

/** Item i as a record of a collection with new metadata (Update: the image stays as it is). */
export function metadataRecord(ctx: IExecuteFunctions, itemIndex: number): Prepared {
	const byId = idOnlyRecord(ctx, itemIndex);
	if ('failure' in byId) return byId;
	const metadata = readExtraFields(ctx, itemIndex, 'metadata', 'Metadata', [...IMAGE_KEYS, '_id']);
	if ('failure' in metadata) return metadata;
	const record: IDataObject = { ...byId.record, ...metadata.fields };
	return { record, bytes: recordBytes(record) };
}
