import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/**
 * Search: one request per query item (Ximilar takes one query record per call), each to
 * the item's own collection and search method, run with the same parallel limit,
 * retries and pairing as the batched operations.
 */
export declare function searchCollection(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
