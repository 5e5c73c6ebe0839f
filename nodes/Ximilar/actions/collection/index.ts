import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { BASE_PATH, COLLECTION_ID, COLLECTION_TYPE, LEGACY_COLLECTION_TYPE } from '../../description/collectionFields';
import { operationSelector, type Operation } from '../../description/operations';
import { sharedSettingsNotice } from '../../description/sharedSettingsNotice';
import * as deleteRecords from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as insert from './insert.operation';
import * as search from './search.operation';
import * as update from './update.operation';

/** Collection: visual search and the upkeep of a similarity collection, listed alphabetically. */
export const resource = { name: 'Collection', value: 'collection' };

export const operations = { delete: deleteRecords, get, getAll, insert, search, update } satisfies Record<string, Operation>;

export const description: INodeProperties[] = [
	operationSelector(resource.value, Object.values(operations), search.option.value),
	// Every operation works on one collection: its type, base path and ID come first.
	...updateDisplayOptions({ show: { resource: [resource.value] } }, [COLLECTION_TYPE, LEGACY_COLLECTION_TYPE, BASE_PATH, COLLECTION_ID]),
	// Fashion Search (fashion-new) documents only insert and visual_search; its catalogue is kept by synchronisation (docs/ximilar-api.md §13).
	{
		displayName:
			'Ximilar documents only Insert and Search for Fashion Search collections, whose catalogue Ximilar keeps by scheduled synchronisation. Update, Delete, Get and Get Many are not documented for them: Ximilar may refuse them.',
		name: 'fashionSearchNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { resource: [resource.value], collectionType: ['fashion'], operation: [update, deleteRecords, get, getAll].map((operation) => operation.option.value) },
		},
	},
	...Object.values(operations).flatMap((operation) => operation.description),
	// One sentence on batching, after the operation's fields.
	sharedSettingsNotice('collectionRequestNotice', 'Collection, Base Path or Fields to Return', {
		resource: [resource.value],
		operation: [insert, update, deleteRecords, get].map((operation) => operation.option.value),
	}),
];
