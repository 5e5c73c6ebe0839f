import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { Base64Image } from '../../records/base64Image';
import type { RequestTarget } from '../../records/prepared';
import type { ReusedBuffers } from '../../records/reusedBuffers';
import { requestXimilar, type Connection, type RequestPolicy, type RequestResult } from '../../transport/request';
import { matchById } from './matchById';
import type { SendResult } from './runBatches';

/**
 * The request body as bytes: `{...fields, "records": [...]}`, serialised once into one
 * buffer. A batch of ten 1 MB photos is ~13 MB of base64; handing n8n an object would make
 * it hold the strings, a JSON copy and a Buffer copy at once for every request in flight.
 * Images go in as they are, not through JSON.stringify: a Base64Image encodes itself into
 * the buffer, and a `_base64` string comes from readImageField checked against the base64
 * alphabet, so there is nothing to escape (scanning megabytes for it cost more than the rest).
 * With `memory`, the body is written into memory reused within the run, and each image's
 * memory is given back once it is in the body.
 */
export function recordsBody(fields: IDataObject, records: IDataObject[], memory?: ReusedBuffers): Buffer {
	const envelope = JSON.stringify({ ...fields, records: [] });
	const pieces: Array<string | { image: string | Base64Image }> = [envelope.slice(0, -2)];
	records.forEach((record, index) => {
		const image = record._base64;
		const comma = index ? ',' : '';
		if (typeof image !== 'string' && !(image instanceof Base64Image)) {
			pieces.push(`${comma}${JSON.stringify(record)}`);
			return;
		}
		const rest = Object.assign({}, record);
		delete rest._base64;
		const json = JSON.stringify(rest);
		pieces.push(`${comma}${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"_base64":"`, { image }, '"}');
	});
	pieces.push(']}');
	let length = 0;
	for (const piece of pieces) {
		if (typeof piece === 'string') length += Buffer.byteLength(piece);
		else length += typeof piece.image === 'string' ? piece.image.length : piece.image.encodedLength;
	}
	const body = memory ? memory.take(length) : Buffer.allocUnsafe(length);
	let offset = 0;
	for (const piece of pieces) {
		if (typeof piece === 'string') offset += body.write(piece, offset);
		else if (typeof piece.image === 'string') offset += body.write(piece.image, offset, 'latin1');
		else {
			offset += piece.image.writeTo(body, offset);
			piece.image.release();
		}
	}
	return body;
}

/** How the answer to a batch is read: its records in order, or matched to the records sent by `_id`. */
export interface AnswerReader {
	/** Collection upkeep: a partial answer is read per record, not failed as a whole (transport/partialAnswers.ts). */
	partialAnswers?: boolean;
	read(body: IDataObject, sentIds: string[], target: RequestTarget): SendResult;
}

/** Recognition: the answer's `records`, in the order sent. */
export const RECORDS_IN_ORDER: AnswerReader = {
	read(body, _sentIds, target) {
		if (!Array.isArray(body.records)) {
			return {
				failure: {
					kind: 'api',
					message: `Ximilar's reply from ${target.path} holds no "records" list`,
					description: 'Check that the endpoint path is a Ximilar endpoint that takes records.',
				},
			};
		}
		return { records: body.records as IDataObject[] };
	},
};

/**
 * Collection upkeep (insert, update, delete, get): the answer matched to the records sent
 * by `_id`, so a partial answer (some inserted, a duplicate, capacity reached, not found)
 * fails only the records concerned.
 */
export function matchedById(operation: string): AnswerReader {
	return { partialAnswers: true, read: (body, sentIds) => ({ outcomes: matchById(sentIds, body, operation) }) };
}

/**
 * The sender of a run's batches: POSTs `{...target.fields, records}` to the target's path
 * and reads the answer. It empties `records` once they are serialised, so the image bytes
 * can be freed while the request is in flight (the ids are kept for the answer), and gives
 * the body's memory back once the request is over.
 */
export function batchSender(
	ctx: IExecuteFunctions,
	connection: Connection,
	policy: RequestPolicy,
	answer: AnswerReader,
	memory?: ReusedBuffers,
): (target: RequestTarget, records: IDataObject[]) => Promise<SendResult> {
	return async (target, records) => {
		const sentIds = records.map((record) => String(record._id));
		const body = recordsBody(target.fields ?? {}, records, memory);
		records.length = 0;
		let result: RequestResult;
		try {
			const call = { method: 'POST' as const, path: target.path, body, headers: target.headers, partialAnswers: answer.partialAnswers };
			result = await requestXimilar(ctx, connection, call, policy);
		} finally {
			memory?.giveBack(body);
		}
		return 'body' in result ? answer.read(result.body, sentIds, target) : result;
	};
}
