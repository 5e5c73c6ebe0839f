import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestXimilar, type Connection, type RequestPolicy } from '../transport/request';
import type { SendResult } from './runRecords';

/** POSTs `{records, ...fields}` to a records endpoint and hands back the returned records. */
export function recordsSender(
	ctx: IExecuteFunctions,
	connection: Connection,
	path: string,
	policy: RequestPolicy,
	fields: IDataObject = {},
	headers: IDataObject = {},
): (records: IDataObject[]) => Promise<SendResult> {
	return async (records) => {
		const result = await requestXimilar(
			ctx,
			connection,
			{ method: 'POST', path, body: { ...fields, records }, headers },
			policy,
		);
		if ('failure' in result) return result;
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
