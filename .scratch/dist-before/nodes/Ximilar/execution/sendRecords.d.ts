import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { type Connection, type RequestPolicy } from '../transport/request';
import type { RequestTarget } from './batches';
import type { SendResult } from './runRecords';
/**
 * The request body as bytes: `{...fields, "records": [...]}`, serialised once into one
 * buffer. A batch of ten 1 MB photos is ~13 MB of base64; handing n8n an object would make
 * it hold the strings, a JSON copy and a Buffer copy at once for every request in flight.
 * The `_base64` strings are copied in as they are, not through JSON.stringify: they come
 * from readImageField (Node's own encoding, or input checked against the base64 alphabet),
 * so there is nothing to escape, and scanning megabytes for it was most of the CPU an image cost.
 */
export declare function recordsBody(fields: IDataObject, records: IDataObject[]): Buffer;
/**
 * POSTs `{...target.fields, records}` to the target's path and hands back the returned
 * records. It empties `records` once they are serialised, so the image strings can be
 * freed while the request is in flight.
 */
export declare function recordsSender(ctx: IExecuteFunctions, connection: Connection, policy: RequestPolicy): (target: RequestTarget, records: IDataObject[]) => Promise<SendResult>;
