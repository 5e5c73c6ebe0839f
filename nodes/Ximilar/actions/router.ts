import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getAccountDetails } from './account/getDetails';
import { searchCollection } from './collection/search';
import { upkeepCollection, type UpkeepOperation } from './collection/upkeep';
import { recognize } from './image/recognize';

/** Dispatches to the operation; each returns one or more output items per input item, paired. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const key = `${resource}.${operation}`;
	switch (key) {
		case 'account.getDetails':
			return [await getAccountDetails.call(this)];
		case 'image.recognize':
			return [await recognize.call(this)];
		case 'collection.search':
			return [await searchCollection.call(this)];
		case 'collection.insert':
		case 'collection.update':
		case 'collection.delete':
		case 'collection.get':
			return [await upkeepCollection.call(this, operation as UpkeepOperation)];
		default:
			throw new NodeOperationError(this.getNode(), `The operation "${key}" is not supported`);
	}
}
