import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type Operation } from '../../description/operations';
import * as get from './get.operation';
import * as getStatus from './getStatus.operation';
import * as list from './list.operation';

/** Job: Ximilar's asynchronous jobs (card grading, upscaling, ...) by ID, or all of them. */
export const resource = { name: 'Job', value: 'job' };

export const operations = { get, getStatus, list } satisfies Record<string, Operation>;

export const description: INodeProperties[] = [
	operationSelector(resource.value, Object.values(operations)),
	...Object.values(operations).flatMap((operation) => operation.description),
];
