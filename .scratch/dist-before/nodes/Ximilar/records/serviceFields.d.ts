import type { IDataObject } from 'n8n-workflow';
import type { RecognitionService } from '../catalog/services';
import type { Prepared } from './imageRecord';
/** Service options that travel inside each record rather than in the request body. */
export interface RecordOptions {
    /** Fields of the record itself, e.g. `binary_mask` (S8) or the GPT `prompt`. */
    record: IDataObject;
    /** Prefilled hints on the record's first object, e.g. `Alphabet` (S3). */
    object: IDataObject;
}
/** Splits the chosen service options by where Ximilar reads them. Unset and empty options are not sent. */
export declare function splitServiceOptions(service: RecognitionService, chosen: IDataObject): {
    request: IDataObject;
    records: RecordOptions;
};
/** Adds the per-record options to a prepared record; an empty prompt is refused before any request. */
export declare function addRecordOptions(prepared: Prepared, options: RecordOptions): Prepared;
