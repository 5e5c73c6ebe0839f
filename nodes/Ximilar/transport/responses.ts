import type { IDataObject } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';
import { isObject } from '../json/read';
import { statusOf } from '../json/status';
import { classifyStatus, isTlsCode, type RetryClass } from './retryPolicy';

/** What one HTTP attempt came to. */
export type AttemptResult =
	| { kind: 'ok'; body: IDataObject }
	| { kind: 'http'; status: number; text?: string; retryAfter?: unknown; retry: RetryClass }
	| { kind: 'apiStatus'; status: number; text?: string; retry: RetryClass }
	| { kind: 'malformed'; retry: RetryClass }
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

/**
 * Classifies a full response. The order follows the contract: HTTP status first, then
 * the top-level `status.code` of a 200 body (records are checked by the caller).
 */
export function readBody(
	response: { statusCode: number; headers: IDataObject; body: unknown },
	secret: string,
): AttemptResult {
	const { statusCode } = response;
	const parsed = parse(response.body);
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
	if (!parsed || !isObject(parsed.value)) return { kind: 'malformed', retry: 'never' };
	const body = scrubDeep(parsed.value, secret);
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
	'Ximilar may already have processed (and billed) these records, so the request was not sent again. To retry such failures too, turn on Options > "Retry When Ximilar May Have Processed the Request" (a retry may bill the records twice).';

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
			description: 'Check the node parameters and the record fields sent with each image.',
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

/** Failures without a reply, in words. The network code goes in the description, where n8n leaves it alone. */
function networkFailure(
	result: Extract<AttemptResult, { kind: 'network' }>,
	baseUrl: string,
	policy: { timeoutMs: number; retryMayBill: boolean },
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
			description: `Network error ${code}. Raise the "Timeout" option, or lower "Records per Request" so each request carries less.${unsure}`,
		};
	}
	if (code === 'ECONNRESET' || code === 'EPIPE') {
		const when = result.sent ? 'after the request was sent' : 'before the request was sent';
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

/** Turns the last attempt into the failure users see: what happened and what to do. */
export function describeFailure(
	result: Exclude<AttemptResult, { kind: 'ok' }>,
	where: { baseUrl: string; path: string },
	policy: { timeoutMs: number; retryMayBill: boolean },
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
	} else if (result.kind === 'malformed') {
		message = 'Ximilar sent a reply that is not JSON';
		description =
			'Check the API URL in the credential: it must point at the Ximilar API, not a web page or proxy. The request was not sent again, since Ximilar may have processed it.';
	} else {
		({ message, description } = networkFailure(result, where.baseUrl, policy, tries));
		description = scrub(description, secret);
	}
	return { kind: 'api', message, description, statusCode, statusText };
}
