import type { IDataObject } from 'n8n-workflow';

import { PARTIAL_ANSWER_CODES } from '../catalog/collections';
import { isObject } from '../json/read';
import { statusOf } from '../json/status';
import { scrubDeep, tooDeep, type AttemptResult } from './responses';

/**
 * Collection insert / update / delete / get may answer with per-record lists and a code
 * saying only some records were taken (211 some inserted, 206 some not found, 411
 * duplicate, 412 capacity, 404 not found: docs/ximilar-api.md §13), as the HTTP status or as `status.code`.
 * Such an answer is read record by record (matched by `_id`) instead of failing every item.
 * A 2xx answer may also list no records at all, only a `status` or an empty body with the
 * code as the HTTP status (§13, S17): the HTTP code is then kept in `status`, where the
 * matching reads it (a 206 with nothing listed is not a success).
 * Returns undefined for anything else, which is then read as usual.
 */

const RECORD_LISTS = ['records', 'skipped_records', 'answer_records'];

function parsed(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body.trim() === '') return {};
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

/** A 2xx answer without record lists, with its code: the body's status, else the HTTP status. */
function listlessAnswer(value: IDataObject, statusCode: number, secret: string): AttemptResult | undefined {
	if (statusCode < 200 || statusCode >= 300) return undefined;
	const code = statusOf(value.status).code ?? statusCode;
	if (!(code >= 200 && code < 300) && !PARTIAL_ANSWER_CODES.includes(code)) return undefined;
	const body = scrubDeep(value, secret);
	return { kind: 'ok', body: { ...body, status: { ...(isObject(body.status) ? body.status : {}), code } } };
}

export function readPartialAnswer(
	response: { statusCode: number; body: unknown },
	secret: string,
): AttemptResult | undefined {
	const value = parsed(response.body);
	// What cannot be walked safely is left to readBody, which refuses it.
	if (!isObject(value) || tooDeep(value)) return undefined;
	if (!RECORD_LISTS.some((key) => Array.isArray(value[key]))) return listlessAnswer(value, response.statusCode, secret);
	const httpOk = response.statusCode >= 200 && response.statusCode < 300;
	const status = value.status;
	const code = httpOk ? statusOf(status).code : response.statusCode;
	if (code !== undefined && !(code >= 200 && code < 300) && !PARTIAL_ANSWER_CODES.includes(code)) return undefined;
	const body = scrubDeep(value, secret);
	// The code that made it partial travels in `status`, where the matching reads it.
	if (!httpOk) body.status = { ...(isObject(status) ? status : {}), code: response.statusCode };
	return { kind: 'ok', body };
}
