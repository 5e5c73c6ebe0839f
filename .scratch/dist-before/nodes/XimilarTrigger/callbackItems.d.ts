import type { INodeExecutionData } from 'n8n-workflow';
/**
 * Ximilar's callback `{id, status, response}` (shapes section 2) as items: one per record of
 * `response.records`, each with the job ID and status; a job without records gives one item
 * saying so, so that a failed job is seen rather than lost.
 */
export declare function callbackItems(body: unknown, raw: boolean): INodeExecutionData[];
