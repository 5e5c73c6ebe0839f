import type { IExecuteFunctions } from 'n8n-workflow';
import { type CollectionType } from '../../catalog/collections';
import { type ItemFailure } from '../../failures/itemFailure';
import type { RequestTarget } from '../../execution/batches';
/** The collection type is node-level (it shapes the UI): read once. */
export declare function readCollectionType(ctx: IExecuteFunctions): {
    type: CollectionType;
} | {
    failure: ItemFailure;
};
/**
 * Item i's collection: the API base path and the collection-id header, read per item so
 * that items mapped to different collections go to their own collection.
 */
export declare function readCollectionTarget(ctx: IExecuteFunctions, itemIndex: number, type: CollectionType, method: string): {
    target: RequestTarget;
} | {
    failure: ItemFailure;
};
