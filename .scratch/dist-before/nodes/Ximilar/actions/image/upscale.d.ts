import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/** One image per job: the upscaler takes exactly one record (shapes section 8). */
export declare function upscale(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
