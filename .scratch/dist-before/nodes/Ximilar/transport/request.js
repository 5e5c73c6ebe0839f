"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getConnection = getConnection;
exports.requestXimilar = requestXimilar;
const n8n_workflow_1 = require("n8n-workflow");
const partialAnswers_1 = require("./partialAnswers");
const responses_1 = require("./responses");
const pacer_1 = require("./pacer");
const retryPolicy_1 = require("./retryPolicy");
async function getConnection(ctx) {
    const credentials = await ctx.getCredentials('ximilarApi');
    const baseUrl = String(credentials.apiUrl || 'https://api.ximilar.com').replace(/\/+$/, '');
    return { baseUrl, secret: String(credentials.apiToken ?? ''), signal: ctx.getExecutionCancelSignal?.() };
}
/** The network error code of a failed attempt: ECONNRESET, ECONNREFUSED, CERT_HAS_EXPIRED, ... */
function networkCode(error) {
    const code = error?.code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code))
        return code;
    const text = String(error?.message ?? '');
    if (/timeout|timed out/i.test(text))
        return 'ETIMEDOUT';
    if (/socket hang up/i.test(text))
        return 'ECONNRESET';
    return undefined;
}
/**
 * Whether the whole request had been handed to the network when the attempt failed:
 * the request on the wire says so (`writableFinished`). When that is not known, the
 * answer is yes: Ximilar may have received it.
 */
function requestSent(error) {
    const onTheWire = error?.request?._currentRequest ?? error?.request;
    return onTheWire?.writableFinished !== false;
}
/** The client's own words for a failure without a reply, e.g. "socket hang up". */
function clientText(error) {
    const text = error?.message;
    return typeof text === 'string' && text !== '' ? text : undefined;
}
async function attempt(ctx, connection, call, policy) {
    const options = {
        method: call.method,
        url: `${connection.baseUrl}${call.path}`,
        headers: {
            'Content-Type': 'application/json',
            // What the credential's `authenticate` block sends (see getConnection).
            Authorization: `Token ${connection.secret}`,
            // A fresh connection per request: a kept-alive socket Ximilar closed while idle would
            // fail after the request was written, when it is too late to know it was not processed.
            Connection: 'close',
            ...call.headers,
        },
        qs: call.qs,
        body: call.body,
        json: true,
        timeout: policy.timeoutMs,
        returnFullResponse: true,
        ignoreHttpStatusErrors: true,
        abortSignal: connection.signal,
    };
    try {
        const response = (await ctx.helpers.httpRequest(options));
        return (call.partialAnswers && (0, partialAnswers_1.readPartialAnswer)(response, connection.secret)) || (0, responses_1.readBody)(response, connection.secret);
    }
    catch (caught) {
        // Stopping the execution aborts the request: that is no network failure.
        if (connection.signal?.aborted)
            return { kind: 'cancelled' };
        const error = caught;
        const code = networkCode(error);
        const sent = requestSent(error);
        return { kind: 'network', code, sent, detail: clientText(error), retry: (0, retryPolicy_1.classifyNetwork)(code, sent) };
    }
}
/**
 * Sends one request to Ximilar. Retries, with backoff (honouring Retry-After), only what
 * Ximilar cannot have processed, unless the user chose to retry what it may have
 * processed too (see retryPolicy). Returns the parsed JSON body, or the failure of the
 * last attempt, worded for the user and free of the token. Stopping the execution ends
 * a wait between attempts and aborts the request in flight.
 */
async function requestXimilar(ctx, connection, call, policy) {
    const attempts = Math.max(1, Math.floor(policy.maxRetries) + 1);
    const throttle = (0, pacer_1.throttledAttempt)(policy.pacer);
    for (let tryNumber = 1;; tryNumber++) {
        if (connection.signal?.aborted)
            return { cancelled: true };
        const result = await throttle.run(async () => await attempt(ctx, connection, call, policy), (done) => done.kind === 'ok'
            ? { ok: true }
            : done.kind === 'http' && done.status === 429
                ? { ok: false, throttled: true, retryAfterMs: (0, retryPolicy_1.parseRetryAfter)(done.retryAfter, Date.now()) }
                : { ok: false, throttled: false }, connection.signal);
        if (result === 'again') {
            tryNumber--; // an adaptive pacer's 429: nothing was processed, and it is not a failure to count
            continue;
        }
        if (result === 'cancelled' || result.kind === 'cancelled')
            return { cancelled: true };
        if (result.kind === 'ok')
            return { body: result.body };
        if (!(0, retryPolicy_1.mayRetry)(result.retry, policy.retryMayBill) || tryNumber >= attempts) {
            const where = { baseUrl: connection.baseUrl, path: call.path };
            return { failure: (0, responses_1.describeFailure)(result, where, policy, tryNumber, connection.secret) };
        }
        const wait = (result.kind === 'http' ? (0, retryPolicy_1.parseRetryAfter)(result.retryAfter, Date.now()) : undefined) ??
            (0, retryPolicy_1.backoffDelay)(tryNumber, Math.random());
        // sleepWithAbort rejects only when the execution is stopped: then no further attempt.
        const stopped = await (0, n8n_workflow_1.sleepWithAbort)(wait, connection.signal).then(() => false, () => true);
        if (stopped)
            return { cancelled: true };
    }
}
