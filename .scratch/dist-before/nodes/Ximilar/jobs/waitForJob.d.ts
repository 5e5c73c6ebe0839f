import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import type { Connection, RequestPolicy } from '../transport/request';
/** Polling starts after a second and slows down by half each time, up to 15 s between polls. */
export declare const FIRST_POLL_MS = 1000;
export declare const MAX_POLL_MS = 15000;
export declare function pollDelay(poll: number): number;
/**
 * Polls a job's status until it leaves CREATED/PROCESSING or `waitMs` has passed, then
 * reads the whole job (with `response`). Status reads are cheap GETs: nothing is billed.
 */
export declare function waitForJob(ctx: IExecuteFunctions, connection: Connection, jobId: string, options: {
    policy: RequestPolicy;
    waitMs: number;
    signal?: AbortSignal;
}): Promise<{
    job: IDataObject;
} | {
    failure: ItemFailure;
}>;
