import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/** Job > List: the account's jobs (Django REST pages `{count, next, results}`), one output per job. */
export declare function listJobs(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
