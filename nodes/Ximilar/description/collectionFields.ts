import type { INodeProperties } from 'n8n-workflow';

import { COLLECTION_TYPES } from '../catalog/collections';
import { byName } from './byName';

/** Fields of the Collection resource that several of its operations show. */

/** Which API the collection lives on: node-level (it shapes the panel). */
export const COLLECTION_TYPE: INodeProperties = {
	displayName: 'Collection Type',
	name: 'collectionType',
	type: 'options',
	noDataExpression: true,
	options: byName(COLLECTION_TYPES.map(({ name, value, description }) => ({ name, value, description }))),
	default: 'product',
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

export const COLLECTION_ID: INodeProperties = {
	displayName: 'Collection ID',
	name: 'collectionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8b5a7a8d-5a3f-4b71-9a1c-0c9f2d6e7f10',
	description: 'ID of the collection, from the Ximilar App (sent as the collection-ID header)',
};

/** The `_id` of the record an upkeep operation inserts, changes, deletes or reads. */
export const RECORD_ID: INodeProperties = {
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	description: 'The _id of the record, usually mapped from a field of the input item such as the SKU',
};

export const METADATA: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'json',
	default: '{}',
	description:
		'Fields stored with the record as a JSON object, returned by search and usable in filters, e.g. {"name": "Red sneaker", "category": "shoes"}',
};

export const FIELDS_TO_RETURN: INodeProperties = {
	displayName: 'Fields to Return',
	name: 'fieldsToReturn',
	type: 'string',
	default: '_id',
	description: 'Comma-separated metadata fields to return with each record, e.g. _id, name, price',
};
