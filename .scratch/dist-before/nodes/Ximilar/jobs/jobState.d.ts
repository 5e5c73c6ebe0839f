import type { IDataObject } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
export type JobPhase = 'done' | 'pending' | 'failed';
/** DONE is the end; CREATED/PROCESSING (and queue words some clients see) mean wait; anything else failed. */
export declare function jobPhase(status: unknown): JobPhase;
/** A record counts as failed when its `_status.code` is not 2xx. */
export declare function recordFailureText(record: IDataObject): string | undefined;
/** What a finished job gave: its records (from `response.records`), or why there are none. */
export declare function jobRecords(job: IDataObject, jobId: string): {
    records: IDataObject[];
} | {
    failure: ItemFailure;
};
