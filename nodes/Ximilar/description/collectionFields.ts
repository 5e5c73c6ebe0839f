import type { INodeProperties } from 'n8n-workflow';

import { COLLECTION_TYPES } from '../catalog/collections';
import { byName } from './byName';

/** Fields of the Collection resource that several of its operations show. */

/** The choice that stands for every collection type of the older API generation, picked in a second list. */
export const LEGACY_COLLECTION = 'legacy';

/** Which API the collection lives on: node-level (it shapes the panel). Older collections sit behind one choice. */
export const COLLECTION_TYPE: INodeProperties = {
	displayName: 'Collection Type',
	name: 'collectionType',
	type: 'options',
	noDataExpression: true,
	options: byName([
		...COLLECTION_TYPES.filter((type) => !type.legacy).map(({ name, value, description }) => ({ name, value, description })),
		{
			name: 'Legacy Collection (Older API)',
			value: LEGACY_COLLECTION,
			description: 'A collection made on Ximilar\'s older API generation: product, fashion, home decor or photo',
		},
	]),
	default: 'product',
};

/** The older generation's types, shown once Legacy Collection is chosen. */
export const LEGACY_COLLECTION_TYPE: INodeProperties = {
	displayName: 'Legacy Collection Type',
	name: 'legacyCollectionType',
	type: 'options',
	noDataExpression: true,
	options: byName(COLLECTION_TYPES.filter((type) => type.legacy).map(({ name, value, description }) => ({ name, value, description }))),
	default: 'productLegacy',
	displayOptions: { show: { collectionType: [LEGACY_COLLECTION] } },
};

export const BASE_PATH: INodeProperties = {
	displayName: 'Base Path',
	name: 'basePath',
	type: 'string',
	required: true,
	default: '',
	placeholder: '/similarity/custom/v2',
	description: 'Base path of the collection API below the API URL; methods such as /visualKNN are appended',
	displayOptions: { show: { collectionType: ['customPath'] } },
};

/**
 * Ximilar documents no list of a user's collections (docs/ximilar-api.md §13), so the
 * collection is given by its ID, found in the Ximilar App. A plain ID saved by an older
 * workflow is read as it is.
 */
export const COLLECTION_ID: INodeProperties = {
	displayName: 'Collection',
	name: 'collectionId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'id', value: '' },
	description:
		'The collection\'s ID, from the <a href="https://app.ximilar.com/">Ximilar App</a> (your collection\'s page)',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8b5a7a8d-5a3f-4b71-9a1c-0c9f2d6e7f10',
		},
	],
};

/** The `_id` of the image an upkeep operation inserts, changes, deletes or reads. */
export const RECORD_ID: INodeProperties = {
	displayName: 'Image ID',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	description: 'The ID of the image in the collection (Ximilar\'s record _id), usually mapped from a field of the input item such as the SKU',
};

export const METADATA: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'json',
	default: '{}',
	description:
		'Fields stored with the image as a JSON object, returned by search and usable in filters, e.g. {"name": "Red sneaker", "category": "shoes"}',
};

export const FIELDS_TO_RETURN: INodeProperties = {
	displayName: 'Fields to Return',
	name: 'fieldsToReturn',
	type: 'string',
	default: '_id',
	description: 'Comma-separated metadata fields to return with each image, e.g. _id, name, price',
};
