import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { type ItemFailure } from '../failures/itemFailure';
export type ImageSource = 'binary' | 'url' | 'base64';
/** A record ready to send, with its estimated share of the request body in bytes. */
export interface PreparedRecord {
    record: IDataObject;
    bytes: number;
}
export type Prepared = PreparedRecord | {
    failure: ItemFailure;
};
/** Size of the record once serialised into the request body. */
export declare function recordBytes(record: IDataObject): number;
/** Parameter names an image is read from; the back of a graded card has its own. */
export interface ImageParameters {
    binaryPropertyName: string;
    imageUrl: string;
    base64Image: string;
}
/** The image part of a record (`_base64` or `_url`), read and checked for one item. */
export declare function readImageField(ctx: IExecuteFunctions, itemIndex: number, names?: ImageParameters): Promise<{
    field: IDataObject;
} | {
    failure: ItemFailure;
}>;
