import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { BASE_PATH, COLLECTION_ID, COLLECTION_TYPE } from '../../description/collectionFields';
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
	...updateDisplayOptions({ show: { resource: [resource.value] } }, [COLLECTION_TYPE, BASE_PATH, COLLECTION_ID]),
	sharedSettingsNotice('collectionRequestNotice', 'Collection ID, Base Path and (for Get) Fields to Return are shared by a request; they', {
		resource: [resource.value],
		operation: [insert, update, deleteRecords, get].map((operation) => operation.option.value),
	}),
	...Object.values(operations).flatMap((operation) => operation.description),
];
