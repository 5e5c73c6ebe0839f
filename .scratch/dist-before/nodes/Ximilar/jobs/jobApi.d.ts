import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import { type Connection, type RequestPolicy } from '../transport/request';
/** Ximilar's asynchronous request API (shapes section 2). */
export declare const JOBS_PATH = "/account/v2/request/";
export type JobReply = {
    body: IDataObject;
} | {
    failure: ItemFailure;
};
/**
 * Submits one job. A submit creates work Ximilar bills, so it is never sent again once
 * it may have arrived: one attempt per send, and only a 429 (refused before any work) is
 * tried again, up to the policy's retries. A timeout or a 5xx may mean the job exists:
 * the item fails, saying so, rather than paying twice.
 */
export declare function submitJob(ctx: IExecuteFunctions, connection: Connection, body: IDataObject, policy: RequestPolicy, signal?: AbortSignal): Promise<JobReply>;
/** GET calls read and never bill, so the transport's retries apply. */
export declare function getJobStatus(ctx: IExecuteFunctions, connection: Connection, jobId: string, policy: RequestPolicy): Promise<JobReply>;
export declare function getJob(ctx: IExecuteFunctions, connection: Connection, jobId: string, policy: RequestPolicy): Promise<JobReply>;
export declare function listJobsPage(ctx: IExecuteFunctions, connection: Connection, qs: IDataObject, policy: RequestPolicy): Promise<JobReply>;
