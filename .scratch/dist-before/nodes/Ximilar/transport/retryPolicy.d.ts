/**
 * When to try a Ximilar request again and how long to wait. Pure functions: the
 * transport supplies the clock and the randomness-free parts are unit tested.
 */
/**
 * Whether a failed attempt may be sent again. Ximilar bills every record it processed,
 * so the question is whether it can have processed this one:
 * - 'safe': it cannot have (rate limited, unavailable, no connection, request not fully sent);
 * - 'mayBill': it may have (timeout, 500/502/504, connection lost after the request was sent):
 *   retried only when the user chose to ("Retry When Ximilar May Have Processed the Request");
 * - 'never': retrying cannot help (rejected request, wrong host, TLS certificate, reply not JSON).
 */
export type RetryClass = 'safe' | 'mayBill' | 'never';
export declare function classifyStatus(status: number): RetryClass;
/**
 * A failure without a reply. `sent`: the whole request had been handed to the network
 * (Ximilar may have received and processed it); false only when known not to be.
 */
export declare function classifyNetwork(code: string | undefined, sent: boolean): RetryClass;
export declare function mayRetry(retry: RetryClass, retryMayBill: boolean): boolean;
/** Codes of failed TLS certificate checks, named for the user (expired, self-signed, ...). */
export declare function isTlsCode(code: string | undefined): boolean;
export declare const BASE_DELAY_MS = 500;
export declare const MAX_BACKOFF_MS = 15000;
/** A Retry-After longer than this is shortened to it, so one item cannot stall a run for hours. */
export declare const MAX_RETRY_AFTER_MS = 60000;
/** Retry-After in ms: either delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export declare function parseRetryAfter(value: unknown, now: number): number | undefined;
/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so
 * parallel requests that failed together do not come back together.
 * `attempt` counts from 1 (the first retry). `random` is in [0, 1).
 */
export declare function backoffDelay(attempt: number, random: number): number;
