import type { IDataObject } from 'n8n-workflow';

import { PARTIAL_ANSWER_CODES } from '../../catalog/collections';
import type { ItemFailure, Outcome } from '../../failures/itemFailure';
import { isObject } from '../../json/read';
import { isFailure, statusOf } from '../../json/status';

/**
 * Collection insert / update / delete / get answers matched to the records sent BY `_id`,
 * never by position: a partial answer lists the accepted records under `records` (or
 * `answer_records` for get) and the refused ones under `skipped_records`, and may leave
 * some out altogether (docs/ximilar-api.md, "Collections": the official client counts these
 * lists; the codes come as the HTTP status or as `status.code`). Each item fails alone, with its reason.
 */

interface Reason {
	message: string;
	fix: string;
}

/** What a code means for one record, and what to do: keyed on codes, never on texts. */
function reasonFor(code: number | undefined, operation: string): Reason {
	if (code === 411) {
		return {
			message: 'is already in the collection',
			fix: 'Use Update to change its metadata, or Delete it first to replace its image. The other items were processed.',
		};
	}
	if (code === 412) {
		return {
			message: 'was not inserted: the collection is full (hard capacity exceeded)',
			fix: 'Delete images you no longer need, or raise the collection\'s capacity in the Ximilar App.',
		};
	}
	if (code === 404 || code === 206) {
		return {
			message: 'is not in the collection',
			fix: `Check the Image ID: ${operation} needs the ID of an image inserted before.`,
		};
	}
	return {
		message: 'was not processed by Ximilar',
		fix: 'See Ximilar\'s text. Only this item failed; the other items of its request were processed.',
	};
}

function failure(id: string, operation: string, code: number | undefined, text: string | undefined): ItemFailure {
	const reason = reasonFor(code, operation);
	return {
		kind: 'api',
		message: `Image "${id}" ${reason.message}`,
		description: reason.fix,
		statusCode: code,
		statusText: text,
		recordId: id,
	};
}

/** Records of one list keyed by `_id`, each id a queue (the same id sent twice is answered twice). */
function byId(list: unknown): Map<string, IDataObject[]> {
	const map = new Map<string, IDataObject[]>();
	for (const record of Array.isArray(list) ? list : []) {
		if (!isObject(record) || record._id === undefined || record._id === null) continue;
		const key = String(record._id);
		map.set(key, [...(map.get(key) ?? []), record]);
	}
	return map;
}

/** Codes that say only some records of the request were taken, without an answer naming them all. */
const SOME_CODES = [206, 211];

/**
 * A 2xx answer to insert, update or delete that lists no records at all (only a `status`, or
 * an empty body, as third-party clients see them: docs/ximilar-api.md §13, S17) took the
 * whole batch: every record succeeded. A code that refuses (404, 411, 412) refuses every
 * record; one that says "some" (206, 211) does not say which, so each record is unknown and
 * never re-sent. Get lists what it found, so an empty get answer is read as usual (nothing found).
 */
function listlessOutcome(id: string, operation: string, top: { code?: number; text?: string }): Outcome {
	const code = top.code;
	if (code === undefined || (code >= 200 && code < 300 && !PARTIAL_ANSWER_CODES.includes(code))) {
		return { record: { _id: id, ...(code !== undefined ? { _status: { code, ...(top.text ? { text: top.text } : {}) } } : {}) } };
	}
	if (!SOME_CODES.includes(code)) return { failure: failure(id, operation, code, top.text) };
	return {
		failure: {
			kind: 'api',
			message: `Ximilar answered ${code}${top.text ? ` (${top.text})` : ''} without saying which images: image "${id}" may or may not have been processed`,
			description: `Check with Get before sending it again; it is never re-sent by the node, since it may have been ${operation === 'delete' ? 'deleted' : 'processed'}.`,
			statusCode: code,
			statusText: top.text,
			recordId: id,
		},
	};
}

/** One outcome per record sent, in the order sent; the answer's top-level `status` gives the code of records it leaves out. */
export function matchById(ids: string[], reply: IDataObject, operation: string): Outcome[] {
	const listed = [reply.records, reply.answer_records, reply.skipped_records].some((entries) => Array.isArray(entries) && entries.length > 0);
	const top = statusOf(reply.status);
	if (!listed && operation !== 'get') return ids.map((id) => listlessOutcome(id, operation, top));
	const answered = byId([...(Array.isArray(reply.records) ? reply.records : []), ...(Array.isArray(reply.answer_records) ? reply.answer_records : [])]);
	const skipped = byId(reply.skipped_records);
	const topCode = top.code;
	return ids.map((id): Outcome => {
		const record = answered.get(id)?.shift();
		if (record) {
			const own = statusOf(record._status);
			if (!isFailure(own)) return { record };
			return { failure: failure(id, operation, own.code, own.text) };
		}
		const refused = skipped.get(id)?.shift();
		if (refused) {
			const own = statusOf(refused._status);
			return { failure: failure(id, operation, own.code ?? topCode, own.text ?? top.text) };
		}
		// Not mentioned at all: the answer's own code says why when it is a partial one.
		const code = topCode !== undefined && PARTIAL_ANSWER_CODES.includes(topCode) ? topCode : undefined;
		if (code !== undefined) return { failure: failure(id, operation, code, top.text) };
		// Get answers with the records found: one left out was not found (reading nothing costs nothing).
		if (operation === 'get') return { failure: failure(id, operation, 404, undefined) };
		return {
			failure: {
				kind: 'api',
				message: `Ximilar's answer does not mention image "${id}"`,
				description: `It may or may not have been processed: check with Get before sending it again. Ximilar answered ${topCode ?? 'without a status'}.`,
				statusCode: topCode,
				statusText: top.text,
				recordId: id,
			},
		};
	});
}
