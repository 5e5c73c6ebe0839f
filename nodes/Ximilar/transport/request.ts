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
import { withDeadline } from './deadline';
import { readPartialAnswer } from './partialAnswers';
import { describeFailure, describeRefusal, readBody, type AttemptResult } from './responses';
import type { Pacer, Ticket } from './pacer';
import { backoffDelay, classifyNetwork, mayRetry, parseRetryAfter } from './retryPolicy';

export interface RequestPolicy {
	/** Per attempt, connect to last byte, in milliseconds. */
	timeoutMs: number;
	/** Further attempts after the first one fails with a retryable error. */
	maxRetries: number;
	/** Also retry what Ximilar may already have processed (and billed): timeouts, 500/502/504, connections lost after sending. */
	retryMayBill: boolean;
	/**
	 * The longest one request waits, in all, between its attempts: Retry-After, backoff, the
	 * account's hold. A wait that would go past it is not waited out: the request fails at
	 * once, saying when Ximilar will accept again.
	 */
	maxWaitMs: number;
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
	/**
	 * A read that costs nothing (job status, lists, pages, account details): a failure after
	 * sending is retried too, since there is nothing to bill twice, and no message speaks of billing.
	 */
	free?: boolean;
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

/** What the node needs of n8n to send a request: the execute context, or a list search's. */
export interface HttpContext {
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
}

/** The credential as requests use it: the token trimmed as the credential Test trims it. */
export function connectionFrom(credentials: IDataObject, signal?: AbortSignal): Connection {
	const baseUrl = apiBaseUrl(credentials.apiUrl);
	// Trimmed as the credential's Test trims it: a token pasted with a trailing newline passes there, so it must work here.
	const secret = String(credentials.apiToken ?? '').trim();
	return { baseUrl, secret, signal, account: accountKey(baseUrl, secret) };
}

export async function getConnection(ctx: IExecuteFunctions): Promise<Connection> {
	return connectionFrom(await ctx.getCredentials('ximilarApi'), ctx.getExecutionCancelSignal?.());
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
	if (/socket hang up|aborted/i.test(text)) return 'ECONNRESET';
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

type FullResponse = { statusCode: number; headers: IDataObject; body: unknown };

/**
 * One attempt. Redirects are never followed: the token goes only to the API URL's host, and
 * a 3xx is reported with where it points. The timeout is a deadline for the whole attempt,
 * connect to last byte (n8n's own timeout only limits idle gaps once the answer has begun).
 */
async function attempt(
	ctx: HttpContext,
	connection: Connection,
	call: XimilarCall,
	policy: RequestPolicy,
): Promise<AttemptResult | { kind: 'cancelled' }> {
	const outcome = await withDeadline(policy.timeoutMs, connection.signal, async (abortSignal) => {
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
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			abortSignal,
		};
		return (await ctx.helpers.httpRequest(options)) as FullResponse;
	});
	if ('response' in outcome) {
		const { response } = outcome;
		return (call.partialAnswers && readPartialAnswer(response, connection.secret)) || readBody(response, connection.secret);
	}
	// Stopping the execution aborts the request: that is no network failure.
	if (outcome.cancelled) return { kind: 'cancelled' };
	const error = outcome.error as ClientError;
	const sent = requestSent(error);
	if (outcome.timedOut) return { kind: 'network', code: 'ETIMEDOUT', sent, retry: classifyNetwork('ETIMEDOUT', sent) };
	const code = networkCode(error);
	return { kind: 'network', code, sent, detail: clientText(error), retry: classifyNetwork(code, sent) };
}

/** How an attempt counts for the pacer: a success, a 429 (a signal to slow down), or another failure. */
function judged(result: AttemptResult, now: number) {
	if (result.kind === 'ok') return { ok: true } as const;
	if (result.kind === 'http' && result.status === 429) {
		return { ok: false, throttled: true, retryAfterMs: parseRetryAfter(result.retryAfter, now) } as const;
	}
	return { ok: false, throttled: false } as const;
}

/** The attempt through the pacer's slot; `refusedUntil` when the account is refused for longer than the request may wait. */
async function pacedAttempt(
	ctx: HttpContext,
	connection: Connection,
	call: XimilarCall,
	policy: RequestPolicy,
	wait: { notBefore: number; limitAt: number },
): Promise<AttemptResult | { kind: 'cancelled' } | { kind: 'refused'; until: number }> {
	const { pacer } = policy;
	if (!pacer) {
		const left = wait.notBefore - Date.now();
		if (left > 0 && (await sleepWithAbort(left, connection.signal).then(() => false, () => true))) return { kind: 'cancelled' };
		return await attempt(ctx, connection, call, policy);
	}
	let slot: Ticket | { refusedUntil: number };
	try {
		slot = await pacer.acquireWithin(wait.limitAt, wait.notBefore, connection.signal);
	} catch {
		return { kind: 'cancelled' }; // only a cancelled execution stops the wait
	}
	if ('refusedUntil' in slot) return { kind: 'refused', until: slot.refusedUntil };
	let result: AttemptResult | { kind: 'cancelled' } = { kind: 'cancelled' };
	try {
		result = await attempt(ctx, connection, call, policy);
	} finally {
		pacer.settle(slot, result.kind === 'cancelled' ? { ok: false, throttled: false } : judged(result, Date.now()));
	}
	return result;
}

/**
 * Sends one request to Ximilar. Retries, with backoff (honouring Retry-After), only what
 * Ximilar cannot have processed, unless the call is free or the user chose to retry what
 * it may have processed too (see retryPolicy). Under an adaptive pacer a 429 is a signal
 * to slow down, not a failed attempt. Every wait between attempts comes out of one budget
 * (`maxWaitMs`): a Retry-After longer than what is left fails the request at once, says when
 * Ximilar will accept again, and holds the account's other requests back until then.
 * Returns the parsed JSON body, or the failure of the last attempt, worded for the user
 * and free of the token. Stopping the execution ends a wait and aborts the request in flight.
 */
export async function requestXimilar(
	ctx: HttpContext,
	connection: Connection,
	call: XimilarCall,
	policy: RequestPolicy,
): Promise<RequestResult> {
	const attempts = Math.max(1, Math.floor(policy.maxRetries) + 1);
	if (connection.account !== undefined) policy.pacer?.join(connection.account);
	const free = call.free === true;
	const retryMayBill = policy.retryMayBill || free;
	const where = { baseUrl: connection.baseUrl, path: call.path };
	const words = { timeoutMs: policy.timeoutMs, retryMayBill, free };
	let waitBudget = policy.maxWaitMs;
	let notBefore = 0;
	let throttles = 0;
	let sent = 0;
	for (let tryNumber = 1; ; tryNumber++) {
		if (connection.signal?.aborted) return { cancelled: true };
		const limitAt = Date.now() + waitBudget;
		const result = await pacedAttempt(ctx, connection, call, policy, { notBefore, limitAt });
		if (result.kind === 'cancelled') return { cancelled: true };
		if (result.kind === 'refused') return { failure: describeRefusal(result.until, Date.now(), policy.maxWaitMs, undefined) };
		sent++;
		if (result.kind === 'ok') return { body: result.body };
		const now = Date.now();
		const throttled = result.kind === 'http' && result.status === 429;
		const retryAfter = result.kind === 'http' ? parseRetryAfter(result.retryAfter, now) : undefined;
		// An adaptive pacer's 429: nothing was processed, and it is no failed attempt.
		const counts = !(throttled && policy.pacer?.adaptive);
		if (!counts) tryNumber--;
		const retryable = mayRetry(result.retry, retryMayBill) && (!counts || tryNumber < attempts);
		if (!retryable) return { failure: describeFailure(result, where, words, sent, connection.secret) };
		const wait = retryAfter ?? backoffDelay(throttled ? ++throttles : tryNumber, Math.random());
		if (wait > waitBudget) {
			if (throttled && retryAfter !== undefined) {
				// A quota spent for longer than the run may wait: the account's other requests would get the same answer.
				policy.pacer?.refuseUntil(now + retryAfter);
				return { failure: describeRefusal(now + retryAfter, now, policy.maxWaitMs, result.kind === 'http' ? result.text : undefined) };
			}
			return { failure: describeFailure(result, where, words, sent, connection.secret) };
		}
		waitBudget -= wait;
		notBefore = now + wait;
	}
}
