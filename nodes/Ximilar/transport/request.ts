import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { sleepWithAbort } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';
import { accountKey } from './accountWindow';
import { apiBaseUrl } from './apiUrl';
import { readPartialAnswer } from './partialAnswers';
import { describeFailure, readBody, type AttemptResult } from './responses';
import { throttledAttempt, type Pacer } from './pacer';
import { backoffDelay, classifyNetwork, mayRetry, parseRetryAfter } from './retryPolicy';

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
	/** Which account this is, for pacing shared with its other runs (a hash: the token is not in it). */
	account?: string;
}

export async function getConnection(ctx: IExecuteFunctions): Promise<Connection> {
	const credentials = await ctx.getCredentials('ximilarApi');
	const baseUrl = apiBaseUrl(credentials.apiUrl);
	// Trimmed as the credential's Test trims it: a token pasted with a trailing newline passes there, so it must work here.
	const secret = String(credentials.apiToken ?? '').trim();
	return { baseUrl, secret, signal: ctx.getExecutionCancelSignal?.(), account: accountKey(baseUrl, secret) };
}

/** What a request came to: Ximilar's JSON reply, a failure worded for the user, or the execution was stopped. */
export type RequestResult = { body: IDataObject } | { failure: ItemFailure } | { cancelled: true };

interface ClientRequestState {
	writableFinished?: boolean;
	/** follow-redirects (which axios uses) wraps the request; the one on the wire is this. */
	_currentRequest?: ClientRequestState;
}

/** The HTTP client's error for a request that got no reply (axios, under n8n's helper). */
type ClientError = JsonObject & { request?: ClientRequestState };

/** The network error code of a failed attempt: ECONNRESET, ECONNREFUSED, CERT_HAS_EXPIRED, ... */
function networkCode(error: ClientError): string | undefined {
	const code = error?.code;
	if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
	const text = String(error?.message ?? '');
	if (/timeout|timed out/i.test(text)) return 'ETIMEDOUT';
	if (/socket hang up/i.test(text)) return 'ECONNRESET';
	return undefined;
}

/**
 * Whether the whole request had been handed to the network when the attempt failed:
 * the request on the wire says so (`writableFinished`). When that is not known, the
 * answer is yes: Ximilar may have received it.
 */
function requestSent(error: ClientError): boolean {
	const onTheWire = error?.request?._currentRequest ?? error?.request;
	return onTheWire?.writableFinished !== false;
}

/** The client's own words for a failure without a reply, e.g. "socket hang up". */
function clientText(error: ClientError): string | undefined {
	const text = error?.message;
	return typeof text === 'string' && text !== '' ? text : undefined;
}

async function attempt(
	ctx: IExecuteFunctions,
	connection: Connection,
	call: XimilarCall,
	policy: RequestPolicy,
): Promise<AttemptResult | { kind: 'cancelled' }> {
	const options: IHttpRequestOptions = {
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
		const response = (await ctx.helpers.httpRequest(options)) as {
			statusCode: number;
			headers: IDataObject;
			body: unknown;
		};
		return (call.partialAnswers && readPartialAnswer(response, connection.secret)) || readBody(response, connection.secret);
	} catch (caught) {
		// Stopping the execution aborts the request: that is no network failure.
		if (connection.signal?.aborted) return { kind: 'cancelled' };
		const error = caught as ClientError;
		const code = networkCode(error);
		const sent = requestSent(error);
		return { kind: 'network', code, sent, detail: clientText(error), retry: classifyNetwork(code, sent) };
	}
}

/**
 * Sends one request to Ximilar. Retries, with backoff (honouring Retry-After), only what
 * Ximilar cannot have processed, unless the user chose to retry what it may have
 * processed too (see retryPolicy). Returns the parsed JSON body, or the failure of the
 * last attempt, worded for the user and free of the token. Stopping the execution ends
 * a wait between attempts and aborts the request in flight.
 */
export async function requestXimilar(
	ctx: IExecuteFunctions,
	connection: Connection,
	call: XimilarCall,
	policy: RequestPolicy,
): Promise<RequestResult> {
	const attempts = Math.max(1, Math.floor(policy.maxRetries) + 1);
	if (connection.account !== undefined) policy.pacer?.join(connection.account);
	const throttle = throttledAttempt(policy.pacer);
	for (let tryNumber = 1; ; tryNumber++) {
		if (connection.signal?.aborted) return { cancelled: true };
		const result = await throttle.run(
			async () => await attempt(ctx, connection, call, policy),
			(done) =>
				done.kind === 'ok'
					? { ok: true }
					: done.kind === 'http' && done.status === 429
						? { ok: false, throttled: true, retryAfterMs: parseRetryAfter(done.retryAfter, Date.now()) }
						: { ok: false, throttled: false },
			connection.signal,
		);
		if (result === 'again') {
			tryNumber--; // an adaptive pacer's 429: nothing was processed, and it is not a failure to count
			continue;
		}
		if (result === 'cancelled' || result.kind === 'cancelled') return { cancelled: true };
		if (result.kind === 'ok') return { body: result.body };
		if (!mayRetry(result.retry, policy.retryMayBill) || tryNumber >= attempts) {
			const where = { baseUrl: connection.baseUrl, path: call.path };
			return { failure: describeFailure(result, where, policy, tryNumber, connection.secret) };
		}
		const wait =
			(result.kind === 'http' ? parseRetryAfter(result.retryAfter, Date.now()) : undefined) ??
			backoffDelay(tryNumber, Math.random());
		// sleepWithAbort rejects only when the execution is stopped: then no further attempt.
		const stopped = await sleepWithAbort(wait, connection.signal).then(
			() => false,
			() => true,
		);
		if (stopped) return { cancelled: true };
	}
}
