import type { Pacer } from '../transport/pacer';
/**
 * Runs batches as the pacer lets requests go: a batch is prepared (its items read) while
 * there is a free slot for it, or as read-ahead while the other requests are in flight,
 * bounded in batches and in bytes. Batches sleeping through a Retry-After do not take a
 * slot. Without a pacer, `parallel` requests at a time.
 */
export declare function dispatchBatches<B extends {
    bytes: number;
}>(next: () => Promise<B | undefined>, run: (batch: B) => Promise<void>, pacer: Pacer | undefined, parallel: number): Promise<void>;
