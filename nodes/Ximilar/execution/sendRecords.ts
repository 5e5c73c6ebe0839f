import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { Base64Image } from '../records/base64Image';
import type { ReusedBuffers } from './reusedBuffers';
import { requestXimilar, type Connection, type RequestPolicy, type RequestResult } from '../transport/request';
import type { RequestTarget } from './batches';
import type { SendResult } from './runRecords';

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
		const { _base64: image, ...rest } = record;
		const comma = index ? ',' : '';
		if (typeof image !== 'string' && !(image instanceof Base64Image)) {
			pieces.push(`${comma}${JSON.stringify(record)}`);
			return;
		}
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

/**
 * POSTs `{...target.fields, records}` to the target's path. It empties `records` once they
 * are serialised, so the image bytes can be freed while the request is in flight, and gives
 * the body's memory back once the request is over. Shared by every sender of record batches.
 */
export async function postRecords(
	ctx: IExecuteFunctions,
	connection: Connection,
	policy: RequestPolicy,
	{ path, headers, fields }: RequestTarget,
	records: IDataObject[],
	options: { memory?: ReusedBuffers; partialAnswers?: boolean } = {},
): Promise<RequestResult> {
	const body = recordsBody(fields ?? {}, records, options.memory);
	records.length = 0;
	try {
		return await requestXimilar(ctx, connection, { method: 'POST', path, body, headers, partialAnswers: options.partialAnswers }, policy);
	} finally {
		options.memory?.giveBack(body);
	}
}

/** Sends a batch (postRecords) and hands back the records Ximilar returned, in order. */
export function recordsSender(
	ctx: IExecuteFunctions,
	connection: Connection,
	policy: RequestPolicy,
	memory?: ReusedBuffers,
): (target: RequestTarget, records: IDataObject[]) => Promise<SendResult> {
	return async (target, records) => {
		const result = await postRecords(ctx, connection, policy, target, records, { memory });
		if (!('body' in result)) return result;
		const returned = result.body.records;
		if (!Array.isArray(returned)) {
			return {
				failure: {
					kind: 'api',
					message: `Ximilar's reply from ${target.path} holds no "records" list`,
					description: 'Check that the endpoint path is a Ximilar endpoint that takes records.',
				},
			};
		}
		return { records: returned as IDataObject[] };
	};
}
