import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getAccountDetails } from './account/getDetails';
import { listCollection } from './collection/getAll';
import { searchCollection } from './collection/search';
import { upkeepCollection, type UpkeepOperation } from './collection/upkeep';
import { gradeCard } from './image/gradeCard';
import { recognize } from './image/recognize';
import { upscale } from './image/upscale';
import { getJobResult } from './job/get';
import { getJobStatusOperation } from './job/getStatus';
import { listJobs } from './job/list';

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
		case 'image.gradeCard':
			return [await gradeCard.call(this)];
		case 'image.upscale':
			return [await upscale.call(this)];
		case 'job.get':
			return [await getJobResult.call(this)];
		case 'job.getStatus':
			return [await getJobStatusOperation.call(this)];
		case 'job.list':
			return [await listJobs.call(this)];
		case 'collection.search':
			return [await searchCollection.call(this)];
		case 'collection.getAll':
			return [await listCollection.call(this)];
		case 'collection.insert':
		case 'collection.update':
		case 'collection.delete':
		case 'collection.get':
			return [await upkeepCollection.call(this, operation as UpkeepOperation)];
		default:
			throw new NodeOperationError(this.getNode(), `The operation "${key}" is not supported`);
	}
}
