import type { IExecuteFunctions } from 'n8n-workflow';

import { findCollectionType, type CollectionType } from '../catalog/collections';
import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { headerValueProblem } from './headerValue';
import { itemParameter } from './itemParameter';
import { textParameter } from './jsonObject';
import type { RequestTarget } from './prepared';

/**
 * The collection type is node-level (it shapes the UI): read once. The older generation's
 * types are picked behind one choice, "legacy"; an older workflow's own value (e.g.
 * productLegacy) is read as it is.
 */
export function readCollectionType(ctx: IExecuteFunctions): { type: CollectionType } | { failure: ItemFailure } {
	const chosen = ctx.getNodeParameter('collectionType', 0) as string;
	const value = chosen === 'legacy' ? (ctx.getNodeParameter('legacyCollectionType', 0, 'productLegacy') as string) : chosen;
	const type = findCollectionType(value);
	return type ? { type } : { failure: inputFailure(`unknown collection type "${value}"`) };
}

/**
 * Item i's collection: the API base path and the collection-id header, read per item so
 * that items mapped to different collections go to their own collection.
 */
export function readCollectionTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: CollectionType,
	method: string,
): { target: RequestTarget } | { failure: ItemFailure } {
	let basePath = type.basePath;
	if (type.value === 'customPath') {
		basePath = textParameter(itemParameter(ctx, 'basePath', itemIndex, '')).replace(/\/+$/, '');
		if (!basePath) return { failure: inputFailure('Base Path is empty', 'Enter a path such as /similarity/custom/v2.') };
		if (!basePath.startsWith('/')) basePath = `/${basePath}`;
	}
	const collectionId = textParameter(itemParameter(ctx, 'collectionId', itemIndex, '', { extractValue: true }));
	if (!collectionId) {
		return {
			failure: inputFailure('Collection ID is empty', 'Copy the ID of your collection from the Ximilar App (Collections).'),
		};
	}
	const problem = headerValueProblem(collectionId, 'Collection ID');
	if (problem) return { failure: inputFailure(problem, 'Map only the ID of your collection, e.g. with {{ $json.collectionId.trim() }}.') };
	return { target: { path: `${basePath}/${method}`, headers: { 'collection-id': collectionId } } };
}
