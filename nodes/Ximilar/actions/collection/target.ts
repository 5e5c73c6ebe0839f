import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findCollectionType } from '../../catalog/collections';
import { inputFailure, type ItemFailure } from '../../execution/failures';
import { readSettings, type JobSettings } from '../../execution/settings';
import { textParameter } from '../../records/jsonObject';

/** Which collection the operation works on: its API base path and the collection-id header. */
export interface CollectionTarget {
	basePath: string;
	headers: IDataObject;
	supportsTagSearch: boolean;
}

/** Read from the first item: one execution works on one collection, so its requests can be batched. */
function readCollectionTarget(ctx: IExecuteFunctions): { target: CollectionTarget } | { failure: ItemFailure } {
	const typeValue = ctx.getNodeParameter('collectionType', 0) as string;
	const type = findCollectionType(typeValue);
	if (!type) return { failure: inputFailure(`unknown collection type "${typeValue}"`) };
	let basePath = type.basePath;
	if (type.value === 'customPath') {
		basePath = textParameter(ctx.getNodeParameter('basePath', 0, '')).replace(/\/+$/, '');
		if (!basePath) return { failure: inputFailure('Base Path is empty', 'Enter a path such as /similarity/custom/v2.') };
		if (!basePath.startsWith('/')) basePath = `/${basePath}`;
	}
	const collectionId = textParameter(ctx.getNodeParameter('collectionId', 0, ''));
	if (!collectionId) {
		return {
			failure: inputFailure('Collection ID is empty', 'Copy the ID of your collection from the Ximilar App (Collections).'),
		};
	}
	return {
		target: { basePath, headers: { 'collection-id': collectionId }, supportsTagSearch: type.supportsTagSearch === true },
	};
}

/** Settings and target together, or the first thing wrong with them. */
export function readCollectionSetup(
	ctx: IExecuteFunctions,
): { settings: JobSettings; target: CollectionTarget } | { failure: ItemFailure } {
	const read = readSettings(ctx);
	if ('failure' in read) return read;
	const target = readCollectionTarget(ctx);
	if ('failure' in target) return target;
	return { settings: read.settings, target: target.target };
}
