import type { IDataObject } from 'n8n-workflow';
import { type ItemFailure } from '../failures/itemFailure';
import { type BatchLimits, type PreparedItem, type RequestTarget } from './batches';
import type { Pacer } from '../transport/pacer';
/** What became of one input item: the record Ximilar returned for it, or why there is none. */
export type Outcome = {
    record: IDataObject;
} | {
    failure: ItemFailure;
};
/** What one request came to. `cancelled`: the execution was stopped, its items get no outcome. */
export type SendResult = {
    records: IDataObject[];
} | {
    failure: ItemFailure;
} | {
    cancelled: true;
}
/** The sender matched the answer to the records itself: one outcome per record sent, in order (matchById.ts). */
 | {
    outcomes: Outcome[];
};
export interface RecordJob {
    itemCount: number;
    /** Builds item i's record and its request target (reads its image); refuses bad input without any request. */
    prepare(itemIndex: number): Promise<PreparedItem>;
    /** One request for a batch of records; resolves to the returned records, in order. May empty `records` once sent. */
    send(target: RequestTarget, records: IDataObject[]): Promise<SendResult>;
    limits: BatchLimits;
    /** Most requests in flight at once. */
    parallel: number;
    /** Paces the requests (adaptive in-flight count, per-minute cap); it gates each attempt in the transport. */
    pacer?: Pacer;
    /** Stop starting new requests after the first failure (the node will throw anyway). */
    stopOnFailure: boolean;
    /** The execution's cancel signal: once it fires, no item is read and no batch starts. */
    signal?: AbortSignal;
}
/**
 * Runs a job: items become records in input order, records that share a request target
 * go out in batches within the limits, at most `parallel` requests at a time, and every
 * item gets an outcome at its own index, whatever order the requests finish in. Items
 * left without an outcome were never sent (a failure stopped the job, or the execution
 * was cancelled).
 */
export declare function runRecordJob(job: RecordJob): Promise<Array<Outcome | undefined>>;
