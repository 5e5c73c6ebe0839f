import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/**
 * Get Many: pages through `allRecords?size=&page=` until the answer has no `next` (the
 * official client's iterator, S4), or the limit is reached. The collection is listed once
 * per execution, however many items come in; every record is paired with the first item.
 */
export declare function listCollection(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
