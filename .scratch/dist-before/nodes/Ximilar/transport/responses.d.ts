import type { IDataObject } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import { type RetryClass } from './retryPolicy';
/** What one HTTP attempt came to. */
export type AttemptResult = {
    kind: 'ok';
    body: IDataObject;
} | {
    kind: 'http';
    status: number;
    text?: string;
    retryAfter?: unknown;
    retry: RetryClass;
} | {
    kind: 'apiStatus';
    status: number;
    text?: string;
    retry: RetryClass;
} | {
    kind: 'malformed';
    retry: RetryClass;
}
/** No reply. `sent`: the request had been fully handed to the network. `detail`: the client's own words. */
 | {
    kind: 'network';
    code?: string;
    sent: boolean;
    detail?: string;
    retry: RetryClass;
};
/** Copies `value` with the secret cut out of every string, should Ximilar ever echo it. */
export declare function scrubDeep<T>(value: T, secret: string): T;
/**
 * Classifies a full response. The order follows the contract: HTTP status first, then
 * the top-level `status.code` of a 200 body (records are checked by the caller).
 */
export declare function readBody(response: {
    statusCode: number;
    headers: IDataObject;
    body: unknown;
}, secret: string): AttemptResult;
/** Turns the last attempt into the failure users see: what happened and what to do. */
export declare function describeFailure(result: Exclude<AttemptResult, {
    kind: 'ok';
}>, where: {
    baseUrl: string;
    path: string;
}, policy: {
    timeoutMs: number;
    retryMayBill: boolean;
}, tries: number, secret: string): ItemFailure;
