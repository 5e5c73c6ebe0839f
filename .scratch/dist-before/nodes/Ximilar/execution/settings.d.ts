import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { type ItemFailure } from '../failures/itemFailure';
import type { RequestPolicy } from '../transport/request';
import type { BatchLimits } from './batches';
/**
 * How a job runs: the options that govern the whole run (batch size, parallelism,
 * timeout, retries). They cannot differ per item, so they are read once, from the first
 * item, and their fields carry `noDataExpression`.
 */
export interface JobSettings {
    limits: BatchLimits;
    parallel: number;
    policy: RequestPolicy;
    includeBinary: boolean;
    options: IDataObject;
}
export declare function readSettings(ctx: IExecuteFunctions, maxRecords?: number): {
    settings: JobSettings;
} | {
    failure: ItemFailure;
};
