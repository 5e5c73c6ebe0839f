import type { INodeProperties } from 'n8n-workflow';

import { COLLECTION_TYPES } from '../catalog/collections';
import { byName } from './byName';
import { imageSourceProperties } from './imageSource';
import { BATCH_OPTIONS, IMAGE_OPTIONS, optionsCollection, REQUEST_OPTIONS, returnAllAndLimit } from './requestOptions';
import { sharedSettingsNotice } from './sharedSettingsNotice';

const resource = ['collection'];
const on = (...operation: string[]) => ({ show: { resource, operation } });

export const collectionProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete records from a collection',
				description: 'Remove records from a collection by their ID',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get records from a collection',
				description: 'Read records of a collection by their ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many records from a collection',
				description: 'List the records of a collection, page by page',
			},
			{
				name: 'Insert',
				value: 'insert',
				action: 'Insert images into a collection',
				description: 'Add images with an ID and metadata, so that they can be found by search',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search a collection for similar images',
				description: 'Find the records most similar to an image or to a record already in the collection',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update records in a collection',
				description: 'Change the metadata of records (the image stays)',
			},
		],
		default: 'search',
	},
	{
		displayName: 'Collection Type',
		name: 'collectionType',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource } },
		options: byName(COLLECTION_TYPES.map(({ name, value, description }) => ({ name, value, description }))),
		default: 'product',
	},
	{
		displayName: 'Base Path',
		name: 'basePath',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/similarity/custom/v2',
		description: 'Base path of the collection API below the API URL; methods such as /visualKNN are appended',
		displayOptions: { show: { resource, collectionType: ['customPath'] } },
	},
	{
		displayName: 'Collection ID',
		name: 'collectionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8b5a7a8d-5a3f-4b71-9a1c-0c9f2d6e7f10',
		description: 'ID of the collection, from the Ximilar App (sent as the collection-ID header)',
		displayOptions: { show: { resource } },
	},
	sharedSettingsNotice(
		'collectionRequestNotice',
		'Collection ID, Base Path and (for Get) Fields to Return are shared by a request; they',
		{ resource, operation: ['insert', 'update', 'delete', 'get'] },
	),

	// Search
	{
		displayName: 'Query By',
		name: 'queryBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Image', value: 'image', description: 'Find records similar to an image' },
			{
				name: 'Record ID',
				value: 'recordId',
				description: 'Find records similar to a record already in the collection',
			},
		],
		default: 'image',
		displayOptions: on('search'),
	},
	...imageSourceProperties({ resource, operation: ['search'], queryBy: ['image'] }),
	{
		displayName: 'Query Record ID',
		name: 'queryRecordId',
		type: 'string',
		required: true,
		default: '',
		description: 'The _id of a record in the collection',
		displayOptions: { show: { resource, operation: ['search'], queryBy: ['recordId'] } },
	},
	{
		displayName: 'Search Method',
		name: 'searchMethod',
		type: 'options',
		options: [
			{ name: 'Visual', value: 'visual', description: 'Similarity of the images' },
			{
				name: 'Visual and Tags',
				value: 'visualTags',
				description: 'Similarity of the images and of their fashion tags',
			},
		],
		default: 'visual',
		displayOptions: {
			show: {
				resource,
				operation: ['search'],
				collectionType: COLLECTION_TYPES.filter((type) => type.supportsTagSearch).map((type) => type.value),
			},
		},
	},
	{
		displayName: 'Number of Results',
		name: 'k',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 10,
		description: 'How many of the most similar records to return (k)',
		displayOptions: on('search'),
	},
	{
		displayName: 'Filter',
		name: 'filter',
		type: 'json',
		default: '{}',
		description:
			'Only search records whose metadata match, in MongoDB syntax, e.g. {"category": {"$in": ["shoes", "bags"]}}',
		displayOptions: on('search'),
	},
	{
		displayName: 'Fields to Return',
		name: 'fieldsToReturn',
		type: 'string',
		default: '_id',
		description: 'Comma-separated metadata fields to return with each record, e.g. _id, name, price',
		displayOptions: on('search', 'get', 'getAll'),
	},
	...returnAllAndLimit({ resource, operation: ['getAll'] }),

	// Insert, update, delete, get
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		description: 'The _id of the record, usually mapped from a field of the input item such as the SKU',
		displayOptions: on('insert', 'update', 'delete', 'get'),
	},
	...imageSourceProperties({ resource, operation: ['insert'] }),
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'json',
		default: '{}',
		description:
			'Fields stored with the record as a JSON object, returned by search and usable in filters, e.g. {"name": "Red sneaker", "category": "shoes"}',
		displayOptions: on('insert', 'update'),
	},

	optionsCollection(on('getAll'), [REQUEST_OPTIONS.maxRetries, REQUEST_OPTIONS.timeout]),
	optionsCollection(on('search'), [
		REQUEST_OPTIONS.adaptToRateLimits,
		{
			displayName: 'Split Matches',
			name: 'splitMatches',
			type: 'boolean',
			default: false,
			description: 'Whether to output one item per match instead of one item per query holding all matches',
		},
		REQUEST_OPTIONS.maxRetries,
		REQUEST_OPTIONS.parallelRequests,
		REQUEST_OPTIONS.requestsPerMinute,
		REQUEST_OPTIONS.retryMayBill,
		REQUEST_OPTIONS.timeout,
	]),
	optionsCollection(on('insert'), [
		REQUEST_OPTIONS.adaptToRateLimits,
		...IMAGE_OPTIONS,
		...BATCH_OPTIONS,
	]),
	optionsCollection(on('update', 'delete', 'get'), [
		REQUEST_OPTIONS.adaptToRateLimits,
		...BATCH_OPTIONS,
	]),
];
