import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
export declare function recognize(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
