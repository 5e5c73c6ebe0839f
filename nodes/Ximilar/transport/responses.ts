import type { IDataObject } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';
import { isRetryableStatus } from './retryPolicy';

/** What one HTTP attempt came to. */
export type AttemptResult =
	| { kind: 'ok'; body: IDataObject }
	| { kind: 'http'; status: number; text?: string; retryAfter?: unknown; retryable: boolean }
	| { kind: 'apiStatus'; status: number; text?: string; retryable: boolean }
	| { kind: 'malformed'; retryable: true }
	| { kind: 'network'; code?: string; retryable: boolean };

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
function scrubDeep<T>(value: T, secret: string): T {
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
			retryable: isRetryableStatus(statusCode),
		};
	}
	if (!parsed || !isObject(parsed.value)) return { kind: 'malformed', retryable: true };
	const body = scrubDeep(parsed.value, secret);
	// `status` is an object `{code, text}`, or a bare integer such as 503 (ximilar-shapes.md 0, S4).
	const status = body.status;
	const code = isObject(status) ? status.code : status;
	if (typeof code === 'number' && (code < 200 || code >= 300)) {
		return { kind: 'apiStatus', status: code, text: ximilarText(body), retryable: isRetryableStatus(code) };
	}
	return { kind: 'ok', body };
}

function scrub(text: string | undefined, secret: string): string | undefined {
	if (text === undefined || secret.length < 4) return text;
	return text.split(secret).join('***');
}

const attemptsWord = (count: number) => (count === 1 ? '1 attempt' : `${count} attempts`);

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

/** Turns the last attempt into the failure users see: what happened and what to do. */
export function describeFailure(
	result: Exclude<AttemptResult, { kind: 'ok' }>,
	path: string,
	policy: { timeoutMs: number },
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
		({ message, description } = httpFailure(result.status, statusText, path, tries));
		if (result.kind === 'apiStatus') description = `Ximilar's reply carried status ${result.status}. ${description}`;
	} else if (result.kind === 'malformed') {
		message = `Ximilar sent a reply that is not JSON (${attemptsWord(tries)})`;
		description = 'Check the API URL in the credential: it must point at the Ximilar API, not a web page or proxy.';
	} else if (result.code === 'ECONNABORTED' || result.code === 'ETIMEDOUT' || result.code === 'ESOCKETTIMEDOUT') {
		message = `No answer from Ximilar within ${Math.round(policy.timeoutMs / 1000)} s (${attemptsWord(tries)})`;
		description = 'Raise the "Timeout" option, or lower "Records per Request" so each request carries less.';
	} else {
		message = `Could not reach Ximilar (${result.code ?? 'network error'}) after ${attemptsWord(tries)}`;
		description = 'Check the API URL in the credential and the network between n8n and Ximilar.';
	}
	return { kind: 'api', message, description, statusCode, statusText };
}
