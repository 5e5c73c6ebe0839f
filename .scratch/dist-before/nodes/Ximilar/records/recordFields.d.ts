import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { type ItemFailure } from '../failures/itemFailure';
import { type Prepared } from './imageRecord';
/**
 * Extra record fields from a JSON parameter (Additional Record Fields, Metadata).
 * The image and the ID have parameters of their own, so the JSON may not set them.
 */
export declare function readExtraFields(ctx: IExecuteFunctions, itemIndex: number, parameter: string, label: string, reserved: string[]): {
    fields: IDataObject;
} | {
    failure: ItemFailure;
};
export interface ImageRecordSpec {
    /** JSON parameter merged into the record, and its label in messages. */
    fieldsParameter: string;
    fieldsLabel: string;
    /** Whether Record ID must be set (collections) or may be empty (recognition). */
    requireId: boolean;
}
/** Item i as a record with an image: `_id`, extra fields, then `_url` or `_base64`. */
export declare function prepareImageRecord(ctx: IExecuteFunctions, itemIndex: number, spec: ImageRecordSpec): Promise<Prepared>;
