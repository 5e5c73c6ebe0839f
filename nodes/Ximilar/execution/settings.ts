import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { REQUEST_OPTIONS } from '../description/requestOptions';
import type { RequestPolicy } from '../transport/request';
import type { BatchLimits } from './batches';
import { inputFailure, type ItemFailure } from './failures';

/** How a job runs: node-level options, read once (from the first item) since batches span items. */
export interface JobSettings {
	limits: BatchLimits;
	parallel: number;
	policy: RequestPolicy;
	includeBinary: boolean;
	options: IDataObject;
}

const MB = 1024 * 1024;

function checkRange(value: unknown, label: string, min: number, max: number, integer: boolean): string | undefined {
	const number = Number(value);
	if (!Number.isFinite(number) || number < min || number > max || (integer && !Number.isInteger(number))) {
		const kind = integer ? 'a whole number' : 'a number';
		return `${label} must be ${kind} from ${min} to ${max} (got ${JSON.stringify(value)})`;
	}
	return undefined;
}

export function readSettings(
	ctx: IExecuteFunctions,
	maxRecords = 10,
): { settings: JobSettings } | { failure: ItemFailure } {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	// Options the user did not add take the defaults shown in the UI.
	const recordsPerRequest = options.recordsPerRequest ?? maxRecords;
	const parallel = options.parallelRequests ?? REQUEST_OPTIONS.parallelRequests.default;
	const sizeMb = options.maxRequestSizeMb ?? REQUEST_OPTIONS.maxRequestSizeMb.default;
	const timeout = options.timeout ?? REQUEST_OPTIONS.timeout.default;
	const maxRetries = options.maxRetries ?? REQUEST_OPTIONS.maxRetries.default;
	const problem =
		checkRange(recordsPerRequest, 'Records per Request', 1, maxRecords, true) ??
		checkRange(parallel, 'Parallel Requests', 1, 10, true) ??
		checkRange(sizeMb, 'Max Request Size (MB)', 0.1, 1024, false) ??
		checkRange(timeout, 'Timeout (Seconds)', 1, 3600, false) ??
		checkRange(maxRetries, 'Max Retries', 0, 10, true);
	if (problem) return { failure: inputFailure(problem, 'Fix the value under Options in the node.') };
	return {
		settings: {
			limits: { maxRecords: Number(recordsPerRequest), maxBytes: Number(sizeMb) * MB },
			parallel: Number(parallel),
			policy: { timeoutMs: Number(timeout) * 1000, maxRetries: Number(maxRetries) },
			includeBinary: options.includeInputBinary === true,
			options,
		},
	};
}
