import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { type ItemFailure } from '../failures/itemFailure';
import type { Outcome } from '../execution/runRecords';
import { type DownloadedImages } from './downloadImages';
export interface ImageJobSpec {
    type: string;
    endpoint: string;
    /** Top-level job fields besides type, endpoint, records and webhook (e.g. the upscale mode). */
    fields: IDataObject;
    /** Item i's records (front, and back when given). */
    records(itemIndex: number): Promise<{
        records: IDataObject[];
    } | {
        failure: ItemFailure;
    }>;
    /** Whether this operation may download a result image (Upscale, Crop and Level). */
    mayDownload: boolean;
    /** Added to the input file name of a downloaded result image. */
    fileSuffix: string;
}
/** Pairs outcomes to outputs: one per image, with its downloaded result image when there is one. */
export declare function pairJobOutcomes(ctx: IExecuteFunctions, outcomes: Array<Outcome | undefined>, raw: boolean, includeBinary: boolean, images?: DownloadedImages): INodeExecutionData[];
/**
 * Grade Card and Upscale: one job per item (its images are within the service's per-job
 * limit), at most Parallel Requests jobs at once, then the result as the user chose.
 */
export declare function runImageJobs(ctx: IExecuteFunctions, spec: ImageJobSpec): Promise<INodeExecutionData[]>;
