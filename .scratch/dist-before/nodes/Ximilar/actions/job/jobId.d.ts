import type { IExecuteFunctions } from 'n8n-workflow';
import { type ItemFailure } from '../../failures/itemFailure';
/** Item i's Job ID, checked before any request. */
export declare function readJobId(ctx: IExecuteFunctions, itemIndex: number): {
    jobId: string;
} | {
    failure: ItemFailure;
};
