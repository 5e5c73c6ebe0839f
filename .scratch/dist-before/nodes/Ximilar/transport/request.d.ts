import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import { type Pacer } from './pacer';
export interface RequestPolicy {
    /** Per attempt, in milliseconds. */
    timeoutMs: number;
    /** Further attempts after the first one fails with a retryable error. */
    maxRetries: number;
    /** Also retry what Ximilar may already have processed (and billed): timeouts, 500/502/504, connections lost after sending. */
    retryMayBill: boolean;
    /** Gates every attempt (in-flight count, per-minute cap); an adaptive one also takes over 429s. */
    pacer?: Pacer;
}
export interface XimilarCall {
    method: IHttpRequestMethods;
    path: string;
    /** A JSON object, or JSON already serialised to bytes. */
    body?: IDataObject | Buffer;
    headers?: IDataObject;
    qs?: IDataObject;
    /** Collection upkeep: a partial answer is read per record, not failed as a whole (partialAnswers.ts). */
    partialAnswers?: boolean;
}
/**
 * Where to send requests, with which token, and what to keep out of any message: read
 * once per execution. Requests go through n8n's plain `httpRequest` with the header the
 * credential's `authenticate` block describes, because `httpRequestWithAuthentication`
 * wraps a failed request in an error that no longer says whether the request had been
 * sent: and that decides whether a retry can bill the records twice.
 */
export interface Connection {
    baseUrl: string;
    /** The API token: sent in the Authorization header, and scrubbed from texts Ximilar sends back. */
    secret: string;
    /** The execution's cancel signal: aborts requests in flight and waits between attempts. */
    signal?: AbortSignal;
}
export declare function getConnection(ctx: IExecuteFunctions): Promise<Connection>;
/** What a request came to: Ximilar's JSON reply, a failure worded for the user, or the execution was stopped. */
export type RequestResult = {
    body: IDataObject;
} | {
    failure: ItemFailure;
} | {
    cancelled: true;
};
/**
 * Sends one request to Ximilar. Retries, with backoff (honouring Retry-After), only what
 * Ximilar cannot have processed, unless the user chose to retry what it may have
 * processed too (see retryPolicy). Returns the parsed JSON body, or the failure of the
 * last attempt, worded for the user and free of the token. Stopping the execution ends
 * a wait between attempts and aborts the request in flight.
 */
export declare function requestXimilar(ctx: IExecuteFunctions, connection: Connection, call: XimilarCall, policy: RequestPolicy): Promise<RequestResult>;
