import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/** Job > Get Status: `{jobId, status}` per item; reading a status costs no credits. */
export declare function getJobStatusOperation(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
