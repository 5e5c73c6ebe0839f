import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { RequestTarget } from '../../execution/batches';
import type { SendResult } from '../../execution/runRecords';
import { type Connection, type RequestPolicy } from '../../transport/request';
/**
 * Sends a batch of collection records and matches the answer to them by `_id`, so a
 * partial answer (some inserted, a duplicate, capacity reached, not found) fails only the
 * records concerned. The ids are taken before the records are emptied for memory.
 */
export declare function upkeepSender(ctx: IExecuteFunctions, connection: Connection, policy: RequestPolicy, operation: string): (target: RequestTarget, records: IDataObject[]) => Promise<SendResult>;
