import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
export declare function gradeCard(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
