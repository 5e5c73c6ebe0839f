import type { IDataObject } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import type { PreparedRecord } from '../records/imageRecord';
export interface BatchLimits {
    /** Records per request (Ximilar takes at most 10). */
    maxRecords: number;
    /** Body size a request should stay under; a single larger record still goes, alone. */
    maxBytes: number;
}
/**
 * Everything of a request but its records: what items must share to travel together.
 * Read per item, so an item mapped to another collection or task goes in another request.
 */
export interface RequestTarget {
    path: string;
    headers?: IDataObject;
    /** Top-level body fields sent beside `records` (service options, task, fields to return). */
    fields?: IDataObject;
    /** Fewer records per request than the job's limit, when the settings call for it (e.g. `analyze_all`: 1). */
    maxRecords?: number;
}
/** Item i ready to send (its record and where it goes), or why it cannot be sent. */
export type PreparedItem = (PreparedRecord & {
    target: RequestTarget;
}) | {
    failure: ItemFailure;
};
export interface Batch {
    target: RequestTarget;
    itemIndexes: number[];
    records: IDataObject[];
    /** The `_id` each record was sent with, kept after `records` is emptied for sending. */
    recordIds: Array<string | undefined>;
    bytes: number;
}
/** At most this many requests are being filled at once, however many groups the items form. */
export declare const MAX_OPEN_BATCHES = 8;
/** Items whose targets have equal keys can share a request. */
export declare function targetKey(target: RequestTarget): string;
/**
 * Walks the items in order, preparing each one only when it is reached, and yields
 * batches of items that share a request target, each within the limits. A batch is
 * yielded as soon as it is full; one batch is kept open per target, and when too many
 * are open (or together hold more than one request's worth of bytes) the oldest goes
 * out early. So only the batches in flight plus about one request's worth of open
 * batches hold image data: memory stays flat however many items there are. Refused
 * items are reported and leave no gap in a batch.
 */
export declare function planBatches(itemCount: number, prepare: (itemIndex: number) => Promise<PreparedItem>, limits: BatchLimits, onRefused: (itemIndex: number, failure: ItemFailure) => void, shouldStop?: () => boolean): AsyncGenerator<Batch>;
