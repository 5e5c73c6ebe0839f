import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
export type UpkeepOperation = 'insert' | 'update' | 'delete' | 'get';
/**
 * Insert, update, delete and get: records of up to 10 per request, grouped by collection,
 * one output item per input item in order, the answer matched to the items by `_id`: a
 * record Ximilar refuses or leaves out fails only its own item, with the reason.
 */
export declare function upkeepCollection(this: IExecuteFunctions, operation: UpkeepOperation): Promise<INodeExecutionData[]>;
