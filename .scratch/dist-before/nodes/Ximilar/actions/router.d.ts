import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/** Dispatches to the operation; each returns one or more output items per input item, paired. */
export declare function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
