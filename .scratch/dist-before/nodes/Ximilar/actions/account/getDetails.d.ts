import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/**
 * Account details: one request per execution however many items arrive (the account
 * is the same for all), then one output item per input item, paired.
 */
export declare function getAccountDetails(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
