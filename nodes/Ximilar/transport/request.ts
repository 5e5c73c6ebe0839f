import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';
import { describeFailure, readBody, type AttemptResult } from './responses';
import { backoffDelay, isRetryableNetworkCode, parseRetryAfter } from './retryPolicy';

export interface RequestPolicy {
	/** Per attempt, in milliseconds. */
	timeoutMs: number;
	/** Further attempts after the first one fails with a retryable error. */
	maxRetries: number;
	/** Also retry what Ximilar may already have processed (and billed): timeouts, 500/502/504, connections lost after sending. */
	retryMayBill: boolean;
}

export interface XimilarCall {
	method: IHttpRequestMethods;
	path: string;
	/** A JSON object, or JSON already serialised to bytes. */
	body?: IDataObject | Buffer;
	headers?: IDataObject;
	qs?: IDataObject;
}

/** Where to send requests and what to keep out of any message: read once per execution. */
export interface Connection {
	baseUrl: string;
	/** Only used to scrub the token from texts Ximilar sends back; never sent by this module. */
	secret: string;
	/** The execution's cancel signal: aborts requests in flight and waits between attempts. */
	signal?: AbortSignal;
}

export async function getConnection(ctx: IExecuteFunctions): Promise<Connection> {
	const credentials = await ctx.getCredentials('ximilarApi');
	const baseUrl = String(credentials.apiUrl || 'https://api.ximilar.com').replace(/\/+$/, '');
	return { baseUrl, secret: String(credentials.apiToken ?? ''), signal: ctx.getExecutionCancelSignal?.() };
}

/**
 * The network error code of a failed attempt. n8n wraps axios errors in a NodeApiError
 * that keeps the code as `httpCode` (e.g. 'ECONNRESET'); the raw message is in `messages`.
 */
function networkCode(error: unknown): string | undefined {
	const wrapped = error as JsonObject & { cause?: JsonObject };
	for (const code of [wrapped?.httpCode, wrapped?.code, wrapped?.cause?.code]) {
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	const texts = [wrapped?.message, ...(Array.isArray(wrapped?.messages) ? wrapped.messages : [])].join(' ');
	if (/timeout|timed out/i.test(texts)) return 'ETIMEDOUT';
	if (/socket hang up|ECONNRESET|closed unexpectedly/i.test(texts)) return 'ECONNRESET';
	return undefined;
}

async function attempt(
	ctx: IExecuteFunctions,
	connection: Connection,
	call: XimilarCall,
	policy: RequestPolicy,
): Promise<AttemptResult> {
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${connection.baseUrl}${call.path}`,
		headers: { 'Content-Type': 'application/json', ...call.headers },
		qs: call.qs,
		body: call.body,
		json: true,
		timeout: policy.timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			'ximilarApi',
			options,
		)) as { statusCode: number; headers: IDataObject; body: unknown };
		return readBody(response, connection.secret);
	} catch (error) {
		const code = networkCode(error);
		return { kind: 'network', code, retryable: isRetryableNetworkCode(code) };
	}
}

/**
 * Sends one request to Ximilar, retrying rate limits, server errors, resets and
 * timeouts with backoff (honouring Retry-After). Returns the parsed JSON body, or the
 * failure of the last attempt, worded for the user and free of the token.
 */
export async function requestXimilar(
	ctx: IExecuteFunctions,
	connection: Connection,
	call: XimilarCall,
	policy: RequestPolicy,
): Promise<{ body: IDataObject } | { failure: ItemFailure }> {
	const attempts = Math.max(1, Math.floor(policy.maxRetries) + 1);
	for (let tryNumber = 1; ; tryNumber++) {
		const result = await attempt(ctx, connection, call, policy);
		if (result.kind === 'ok') return { body: result.body };
		if (!result.retryable || tryNumber >= attempts) {
			return { failure: describeFailure(result, call.path, policy, tryNumber, connection.secret) };
		}
		const wait =
			(result.kind === 'http' ? parseRetryAfter(result.retryAfter, Date.now()) : undefined) ??
			backoffDelay(tryNumber, Math.random());
		await sleep(wait);
	}
}
