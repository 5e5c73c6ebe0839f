import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestTarget } from '../../execution/batches';
import { matchById } from '../../execution/matchById';
import type { SendResult } from '../../execution/runRecords';
import type { ReusedBuffers } from '../../execution/reusedBuffers';
import { postRecords } from '../../execution/sendRecords';
import type { Connection, RequestPolicy } from '../../transport/request';

/**
 * Sends a batch of collection records and matches the answer to them by `_id`, so a
 * partial answer (some inserted, a duplicate, capacity reached, not found) fails only the
 * records concerned. The ids are taken before the records are emptied for memory.
 */
export function upkeepSender(
	ctx: IExecuteFunctions,
	connection: Connection,
	policy: RequestPolicy,
	operation: string,
	memory?: ReusedBuffers,
): (target: RequestTarget, records: IDataObject[]) => Promise<SendResult> {
	return async (target, records) => {
		const ids = records.map((record) => String(record._id));
		const result = await postRecords(ctx, connection, policy, target, records, { memory, partialAnswers: true });
		if (!('body' in result)) return result;
		return { outcomes: matchById(ids, result.body, operation) };
	};
}
