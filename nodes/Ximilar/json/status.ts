import { isObject } from './read';

/**
 * Ximilar's status, wherever it stands: a record's `_status` (`{code, text, request_id}`),
 * the top-level `status` of an answer, which is a bare number when the service is
 * unavailable (docs/ximilar-api.md, "Conventions"). The one reader of both.
 */
export interface XimilarStatus {
	code?: number;
	text?: string;
}

export function statusOf(value: unknown): XimilarStatus {
	if (typeof value === 'number') return { code: value };
	if (!isObject(value)) return {};
	return {
		code: typeof value.code === 'number' ? value.code : undefined,
		text: typeof value.text === 'string' ? value.text : undefined,
	};
}

/** A status with a code outside 2xx; no code at all counts as success (nothing says otherwise). */
export function isFailure(status: XimilarStatus): boolean {
	return status.code !== undefined && (status.code < 200 || status.code >= 300);
}

/** The failed status of a record (its `_status`), or undefined when the record succeeded. */
export function recordFailureStatus(record: unknown): XimilarStatus | undefined {
	const status = statusOf(isObject(record) ? record._status : undefined);
	return isFailure(status) ? status : undefined;
}

/** Ximilar's text for a status, or its code when it sent no text. */
export function statusWords(status: XimilarStatus): string {
	return status.text ?? (status.code !== undefined ? `status ${status.code}` : 'no reason given');
}
