import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestXimilar, type Connection, type RequestPolicy } from '../transport/request';
import type { RequestTarget } from './batches';
import type { SendResult } from './runRecords';

/**
 * The request body as bytes: `{...fields, "records": [...]}`, serialised once. A batch of
 * ten 1 MB photos is ~13 MB of base64; handing n8n an object would make it hold the
 * strings, a JSON copy and a Buffer copy at once for every request in flight.
 */
export function recordsBody(fields: IDataObject, records: IDataObject[]): Buffer {
	const envelope = JSON.stringify({ ...fields, records: [] });
	const parts = [Buffer.from(envelope.slice(0, -2))];
	records.forEach((record, index) => parts.push(Buffer.from(`${index ? ',' : ''}${JSON.stringify(record)}`)));
	parts.push(Buffer.from(']}'));
	return Buffer.concat(parts);
}

/**
 * POSTs `{...target.fields, records}` to the target's path and hands back the returned
 * records. It empties `records` once they are serialised, so the image strings can be
 * freed while the request is in flight.
 */
export function recordsSender(
	ctx: IExecuteFunctions,
	connection: Connection,
	policy: RequestPolicy,
): (target: RequestTarget, records: IDataObject[]) => Promise<SendResult> {
	return async ({ path, headers, fields }, records) => {
		const body = recordsBody(fields ?? {}, records);
		records.length = 0;
		const result = await requestXimilar(ctx, connection, { method: 'POST', path, body, headers }, policy);
		if (!('body' in result)) return result;
		const returned = result.body.records;
		if (!Array.isArray(returned)) {
			return {
				failure: {
					kind: 'api',
					message: `Ximilar's reply from ${path} holds no "records" list`,
					description: 'Check that the endpoint path is a Ximilar endpoint that takes records.',
				},
			};
		}
		return { records: returned as IDataObject[] };
	};
}
