import type { IDataObject } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';
import { isObject, nestedDeeperThan } from '../json/read';
import { statusOf } from '../json/status';
import { classifyStatus, isTlsCode, type RetryClass } from './retryPolicy';

/** What one HTTP attempt came to. */
export type AttemptResult =
	| { kind: 'ok'; body: IDataObject }
	| { kind: 'http'; status: number; text?: string; retryAfter?: unknown; retry: RetryClass }
	| { kind: 'apiStatus'; status: number; text?: string; retry: RetryClass }
	/** A 3xx: never followed, so the token goes only to the API URL's host. */
	| { kind: 'redirect'; status: number; location?: string; retry: RetryClass }
	/** A 2xx that cannot be read: not JSON, not an object, or nested beyond reason. */
	| { kind: 'malformed'; detail?: string; retry: RetryClass }
	/** No reply. `sent`: the request had been fully handed to the network. `detail`: the client's own words. */
	| { kind: 'network'; code?: string; sent: boolean; detail?: string; retry: RetryClass };

/** Ximilar's explanation: Django REST's `detail`, or the `status.text` of its own envelope. */
function ximilarText(body: unknown): string | undefined {
	if (!isObject(body)) return undefined;
	if (typeof body.detail === 'string') return body.detail;
	const status = body.status;
	if (isObject(status) && typeof status.text === 'string') return status.text;
	if (typeof body.message === 'string') return body.message;
	return undefined;
}

function parse(body: unknown): { value: unknown } | undefined {
	if (typeof body !== 'string') return { value: body };
	if (body.trim() === '') return { value: {} };
	try {
		return { value: JSON.parse(body) };
	} catch {
		return undefined;
	}
}

/** Copies `value` with the secret cut out of every string, should Ximilar ever echo it. */
export function scrubDeep<T>(value: T, secret: string): T {
	if (secret.length < 4) return value;
	if (typeof value === 'string') return (value.includes(secret) ? value.split(secret).join('***') : value) as T;
	if (Array.isArray(value)) return value.map((entry) => scrubDeep(entry, secret)) as T;
	if (typeof value === 'object' && value !== null) {
		const copy: IDataObject = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = scrubDeep(entry, secret);
		return copy as T;
	}
	return value;
}

/** No answer of Ximilar's nests deeper than a few levels; one that does is refused before anything walks it. */
export const MAX_ANSWER_DEPTH = 64;

const TOO_DEEP = `it is nested deeper than ${MAX_ANSWER_DEPTH} levels`;

/** The reason an answer cannot be read, when it nests too deep to be walked safely. */
export function tooDeep(value: unknown): string | undefined {
	return nestedDeeperThan(value, MAX_ANSWER_DEPTH) ? TOO_DEEP : undefined;
}

/**
 * One walk over a parsed answer: the secret is cut out of every string in place (n8n parsed
 * the answer for this request alone, so nothing else holds it), and the reason it cannot be
 * read is returned when it nests deeper than MAX_ANSWER_DEPTH. The walk goes no deeper than
 * that, so its recursion is bounded. A walk that copied the answer, then another for its
 * depth, cost more than the rest of the node's work on a record.
 */
export function checkAnswer(value: unknown, secret: string): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	return walkAnswer(value as Record<string, unknown>, secret.length >= 4 ? secret : undefined, 1) ? TOO_DEEP : undefined;
}

/** Whether `container` nests too deep; cuts `secret` out of its strings meanwhile. */
function walkAnswer(container: Record<string, unknown> | unknown[], secret: string | undefined, depth: number): boolean {
	if (depth > MAX_ANSWER_DEPTH) return true;
	// Two plain loops: this walks every value of every answer, and a list of keys per object showed.
	if (Array.isArray(container)) {
		for (let index = 0; index < container.length; index++) if (walkEntry(container, index, secret, depth)) return true;
		return false;
	}
	for (const key in container) if (walkEntry(container, key, secret, depth)) return true;
	return false;
}

/** One value of a list or object: a string scrubbed of the token in place, a list or object walked. True: too deep. */
function walkEntry(container: Record<string | number, unknown> | unknown[], key: string | number, secret: string | undefined, depth: number): boolean {
	const values = container as Record<string | number, unknown>;
	const entry = values[key];
	if (typeof entry === 'string') {
		if (secret !== undefined && entry.includes(secret)) values[key] = entry.split(secret).join('***');
		return false;
	}
	return typeof entry === 'object' && entry !== null && walkAnswer(entry as Record<string, unknown>, secret, depth + 1);
}

/**
 * Classifies a full response. The order follows the contract: HTTP status first, then
 * the top-level `status.code` of a 200 body (records are checked by the caller).
 */
export function readBody(
	response: { statusCode: number; headers: IDataObject; body: unknown },
	secret: string,
): AttemptResult {
	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) {
		const location = response.headers?.location;
		return { kind: 'redirect', status: statusCode, location: typeof location === 'string' ? location : undefined, retry: 'never' };
	}
	const parsed = parse(response.body);
	const deep = parsed ? checkAnswer(parsed.value, secret) : undefined;
	if (deep) return { kind: 'malformed', detail: deep, retry: 'never' };
	if (statusCode < 200 || statusCode >= 300) {
		return {
			kind: 'http',
			status: statusCode,
			text: parsed ? ximilarText(parsed.value) : undefined,
			retryAfter: response.headers?.['retry-after'],
			retry: classifyStatus(statusCode),
		};
	}
	// A 200 that is not JSON will not turn into JSON on a second try (and may have been billed).
	if (!parsed) return { kind: 'malformed', retry: 'never' };
	if (!isObject(parsed.value)) return { kind: 'malformed', detail: 'it is JSON, but not an object', retry: 'never' };
	const body = parsed.value;
	// `status` is an object {code, text}, or a bare number when Ximilar's service is unavailable.
	const { code } = statusOf(body.status);
	if (code !== undefined && (code < 200 || code >= 300)) {
		return { kind: 'apiStatus', status: code, text: ximilarText(body), retry: classifyStatus(code) };
	}
	return { kind: 'ok', body };
}

function scrub(text: string | undefined, secret: string): string | undefined {
	if (text === undefined || secret.length < 4) return text;
	return text.split(secret).join('***');
}

const attemptsWord = (count: number) => (count === 1 ? '1 attempt' : `${count} attempts`);

/** Why a request that may have been processed was not sent again, and how to choose otherwise. */
const NOT_RETRIED =
	'Ximilar may already have processed (and billed) these images, so the request was not sent again. To retry such failures too, turn on Options > "Retry Even When It May Bill Twice" (a retry may bill the images twice).';

function httpFailure(status: number, text: string | undefined, path: string, tries: number) {
	const detail = text ? `: ${text.replace(/[.\s]+$/, '')}` : '';
	if (status === 401 || status === 403) {
		return {
			message: 'The API token was rejected: check the Ximilar credential',
			description: `Ximilar answered ${status}${detail}. Copy the token again from the Ximilar App (Settings > API token).`,
		};
	}
	if (status === 400) {
		return {
			message: `Ximilar rejected the request${detail || ' (400 Bad Request)'}`,
			description: 'Check the node parameters and the fields sent with each image.',
		};
	}
	if (status === 404) {
		return {
			message: `Unknown endpoint or resource at ${path}${detail}`,
			description: 'Check the service or endpoint path, the collection ID, and the API URL in the credential.',
		};
	}
	if (status === 429) {
		return {
			message: `Ximilar's rate limit was still exceeded after ${attemptsWord(tries)}`,
			description: 'Lower "Parallel Requests", raise "Max Retries", or run the workflow later.',
		};
	}
	if (status >= 500) {
		return {
			message: `Ximilar failed with HTTP ${status} after ${attemptsWord(tries)}${detail}`,
			description: 'This is a problem on Ximilar\'s side; raise "Max Retries" or run the workflow later.',
		};
	}
	return {
		message: `Ximilar answered HTTP ${status}${detail}`,
		description: `Request to ${path}.`,
	};
}

/** TLS certificate failures, named as such: they are fixed in the API URL or the certificate store, not by waiting. */
function tlsFailure(code: string, baseUrl: string) {
	const what = /EXPIRED/.test(code)
		? 'has expired'
		: /SELF_SIGNED/.test(code)
			? 'is self-signed'
			: /ALTNAME|HOST/.test(code)
				? 'does not match the host name'
				: 'could not be verified';
	return {
		message: `The TLS certificate of the API URL ${what}`,
		description: `TLS error ${code} at ${baseUrl}. Check the API URL in the credential; a proxy that inspects HTTPS needs its certificate trusted by n8n (NODE_EXTRA_CA_CERTS).`,
	};
}

/** What a failure's words depend on: the timeout, whether retrying what may bill was chosen, whether the call was free. */
export interface FailurePolicy {
	timeoutMs: number;
	retryMayBill: boolean;
	/** A free read: nothing to bill, so nothing is said of billing. */
	free?: boolean;
}

/** Failures without a reply, in words. The network code goes in the description, where n8n leaves it alone. */
function networkFailure(
	result: Extract<AttemptResult, { kind: 'network' }>,
	baseUrl: string,
	policy: FailurePolicy,
	tries: number,
) {
	const code = result.code ?? 'no code';
	const raw = result.detail ? ` (${result.detail})` : '';
	const after = ` (${attemptsWord(tries)})`;
	if (isTlsCode(result.code)) return tlsFailure(code, baseUrl);
	if (code === 'ENOTFOUND') {
		return {
			message: 'The host of the API URL could not be found',
			description: `DNS lookup failed (ENOTFOUND) for ${baseUrl}. Check the API URL in the credential.`,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			message: `Ximilar refused the connection${after}`,
			description: `Network error ECONNREFUSED at ${baseUrl}: nothing accepted the connection. Check the API URL in the credential and the network between n8n and Ximilar.`,
		};
	}
	const unsure = result.retry === 'mayBill' && !policy.retryMayBill ? ` ${NOT_RETRIED}` : '';
	if (['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT'].includes(code)) {
		return {
			message: `No answer from Ximilar within ${Math.round(policy.timeoutMs / 1000)} s${after}`,
			description: `Network error ${code}. Raise the "Timeout" option, or lower "Images per Request" so each request carries less.${unsure}`,
		};
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_BAD_RESPONSE') {
		// After sending, Ximilar had the request (its answer may even have begun): it may have processed it.
		const when = result.sent ? `after the request was sent${policy.free ? '' : ': Ximilar may have processed the request'}` : 'before the request was sent';
		return {
			message: `The connection to Ximilar was lost ${when}${after}`,
			description: `Network error ${code}${raw}.${unsure || ' Raise "Max Retries" or run the workflow later.'}`,
		};
	}
	return {
		message: `Could not reach Ximilar${after}`,
		description: `Network error ${code}${raw} at ${baseUrl}. Check the API URL in the credential and the network between n8n and Ximilar.`,
	};
}

/**
 * A redirect, named with where it points. To another host: the API URL has moved, and the
 * new one belongs in the credential (the node does not follow, so the token never goes there).
 */
function redirectFailure(result: Extract<AttemptResult, { kind: 'redirect' }>, where: { baseUrl: string; path: string }) {
	const asked = `${where.baseUrl}${where.path}`;
	const notFollowed = 'The node does not follow redirects, so your API token is sent only to the host in the credential.';
	let target: URL | undefined;
	try {
		target = result.location ? new URL(result.location, asked) : undefined;
	} catch {
		target = undefined;
	}
	if (!target) {
		return { message: `The API URL answered ${result.status} (a redirect) without saying where to`, description: `${asked} answered ${result.status}. ${notFollowed} Check the API URL in the credential.` };
	}
	const description = `${asked} answered ${result.status} with Location ${target.href}. ${notFollowed}`;
	if (target.origin !== new URL(asked).origin) {
		// The API URL that would serve the same path there: what belongs in the credential.
		const pathAt = target.pathname.endsWith(where.path) ? target.pathname.slice(0, -where.path.length) : '';
		return { message: `The API URL redirects to ${target.origin}${pathAt}: put that URL in the credential`, description };
	}
	return { message: `Ximilar redirected ${where.path} to ${target.pathname}: check the API URL and the endpoint path`, description };
}

/** Turns the last attempt into the failure users see: what happened and what to do. */
export function describeFailure(
	result: Exclude<AttemptResult, { kind: 'ok' }>,
	where: { baseUrl: string; path: string },
	policy: FailurePolicy,
	tries: number,
	secret: string,
): ItemFailure {
	let message: string;
	let description: string | undefined;
	let statusCode: number | undefined;
	let statusText: string | undefined;
	if (result.kind === 'http' || result.kind === 'apiStatus') {
		statusCode = result.status;
		statusText = scrub(result.text, secret);
		({ message, description } = httpFailure(result.status, statusText, where.path, tries));
		if (result.retry === 'mayBill' && !policy.retryMayBill) {
			message = `Ximilar failed with HTTP ${result.status}${statusText ? `: ${statusText.replace(/[.\s]+$/, '')}` : ''}`;
			description = NOT_RETRIED;
		}
		if (result.kind === 'apiStatus') description = `Ximilar's reply carried status ${result.status}. ${description}`;
	} else if (result.kind === 'redirect') {
		statusCode = result.status;
		({ message, description } = redirectFailure(result, where));
		description = scrub(description, secret);
		message = scrub(message, secret) as string;
	} else if (result.kind === 'malformed') {
		message = result.detail ? `Ximilar's answer could not be read: ${result.detail}` : 'Ximilar sent a reply that is not JSON';
		description =
			'Check the API URL in the credential: it must point at the Ximilar API, not a web page or proxy. The request was not sent again, since Ximilar may have processed it.';
	} else {
		({ message, description } = networkFailure(result, where.baseUrl, policy, tries));
		description = scrub(description, secret);
	}
	return { kind: 'api', message, description, statusCode, statusText };
}

/** A wait in words: "40 s", "12 min", "3 h 5 min". */
function durationWords(ms: number): string {
	const seconds = Math.max(1, Math.round(ms / 1000));
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 120) return `${minutes} min`;
	return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/**
 * Ximilar's rate limit or quota refused the account for longer than the request may wait:
 * the request fails at once (sent or not, nothing was processed), saying when Ximilar will
 * accept again and what the user can do.
 */
export function describeRefusal(until: number, now: number, maxWaitMs: number, text: string | undefined): ItemFailure {
	const when = `${new Date(until).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
	return {
		kind: 'api',
		message: `Ximilar's rate limit or quota refused the request: Ximilar accepts requests again in ${durationWords(until - now)} (at ${when})`,
		description: `Ximilar answered 429 (too many requests) and asked to wait longer than the ${Math.round(maxWaitMs / 1000)} s this node may wait ("Max Wait on Rate Limit" under Options). Nothing was processed or billed. Run these items again after ${when}, raise that option, or check your plan's quota in the Ximilar App.`,
		statusCode: 429,
		statusText: text,
		retryAt: until,
	};
}
