import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import type { Outcome } from '../execution/runRecords';
/** The MIME type of a downloaded image: the server's Content-Type, else the URL's extension. */
export declare function imageMimeType(contentType: unknown, url: string): string;
/** `card-7.png` + `upscaled` + image/png -> `card-7-upscaled.png`. */
export declare function resultFileName(baseName: string, suffix: string, mimeType: string): string;
export interface DownloadSpec {
    /** Binary property the image goes to on each output item. */
    property: string;
    /** Added to the input file's name: `upscaled`, `cropped`. */
    suffix: string;
    /** The input file's name for an item's image at a position (0 front, 1 back). */
    baseName(itemIndex: number, position: number): string;
    parallel: number;
    timeoutMs: number;
}
/** Binary data per output: key `${itemIndex}:${position}`. */
export type DownloadedImages = Map<string, Record<string, IBinaryData>>;
/**
 * Downloads the result image of every record (URLs Ximilar keeps 24 h) into n8n binary
 * data, through n8n's HTTP helper, at most `parallel` at a time. A failed download turns
 * only its item into a failure; the others keep their images.
 */
export declare function downloadResultImages(ctx: IExecuteFunctions, outcomes: Array<Outcome | undefined>, spec: DownloadSpec): Promise<DownloadedImages>;
