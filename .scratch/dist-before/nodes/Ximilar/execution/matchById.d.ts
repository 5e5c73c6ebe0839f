import type { IDataObject } from 'n8n-workflow';
import type { Outcome } from './runRecords';
/** Top-level codes (or HTTP statuses) that still carry per-record answers (S17). */
export declare const PARTIAL_ANSWER_CODES: number[];
/** One outcome per record sent, in the order sent; the answer's top-level `status` gives the code of records it leaves out. */
export declare function matchById(ids: string[], reply: IDataObject, operation: string): Outcome[];
