import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../description/operations';
import * as account from './account';
import * as collection from './collection';
import * as image from './image';
import * as job from './job';

/**
 * The resources in the order the Resource list shows them: Image first, so that its
 * "Recognize an image" heads the node's actions in the nodes panel (n8n lists them
 * grouped in this order, and alphabetizes only from five options).
 */
export const RESOURCES = { image, account, collection, job };

type Resources = typeof RESOURCES;

/** Every resource with the operations it has: what the node can be asked to do. */
export type NodeMap = { [R in keyof Resources]: keyof Resources[R]['operations'] };

function findOperation(resource: string, operation: string): Operation | undefined {
	if (!Object.prototype.hasOwnProperty.call(RESOURCES, resource)) return undefined;
	const operations: Record<string, Operation> = RESOURCES[resource as keyof Resources].operations;
	return Object.prototype.hasOwnProperty.call(operations, operation) ? operations[operation] : undefined;
}

/** Looks the operation up in the table and runs it; it returns one or more output items per input item, paired. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = findOperation(resource, operation);
	if (!found) throw new NodeOperationError(this.getNode(), `The operation "${resource}.${operation}" is not supported`);
	return [await found.execute.call(this)];
}
