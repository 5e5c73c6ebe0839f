import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import type { Outcome } from '../execution/runRecords';
import type { Connection, RequestPolicy } from '../transport/request';
/** How the node hands back a job's result: waits for it, only submits, or lets Ximilar call a webhook. */
export type ResultMode = 'wait' | 'submit' | 'webhook';
export interface JobRun {
    itemCount: number;
    /** Item i's job body (`type`, `endpoint`, `records`, service fields), or why it cannot be sent. */
    prepare(itemIndex: number): Promise<{
        body: IDataObject;
    } | {
        failure: ItemFailure;
    }>;
    mode: ResultMode;
    /** Most jobs in flight at once (submitted and not yet finished). */
    parallel: number;
    policy: RequestPolicy;
    /** Wait mode: how long to wait for each job. */
    waitMs: number;
    stopOnFailure: boolean;
    signal?: AbortSignal;
}
/**
 * What an item's job came to. Submit and webhook modes: `{jobId, status, type, endpoint}`.
 * Wait mode: the same plus `records`, the records Ximilar returned for the item's images.
 */
export declare function runJobs(ctx: IExecuteFunctions, connection: Connection, run: JobRun): Promise<Array<Outcome | undefined>>;
