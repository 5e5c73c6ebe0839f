import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { REQUEST_OPTIONS } from '../description/requestOptions';
import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { Pacer } from '../transport/pacer';
import type { RequestPolicy } from '../transport/request';
import type { BatchLimits } from './batches';

/**
 * How a job runs: the options that govern the whole run (batch size, parallelism,
 * timeout, retries). They cannot differ per item, so they are read once, from the first
 * item, and their fields carry `noDataExpression`.
 */
export interface JobSettings {
	limits: BatchLimits;
	parallel: number;
	policy: RequestPolicy;
	includeBinary: boolean;
	options: IDataObject;
}

const MB = 1024 * 1024;

type NumericOption = 'recordsPerRequest' | 'parallelRequests' | 'maxRequestSizeMb' | 'timeout' | 'maxRetries' | 'requestsPerMinute';

/**
 * An option's value, or what is wrong with it. The limits are the ones the UI field
 * shows (its typeOptions), so UI and check cannot disagree; `maxValue` can only be lowered.
 */
function readNumber(options: IDataObject, key: NumericOption, maxValue?: number): number | { problem: string } {
	const { displayName, default: fallback, typeOptions } = REQUEST_OPTIONS[key];
	const { minValue, maxValue: uiMax, numberPrecision } = typeOptions as {
		minValue: number;
		maxValue: number;
		numberPrecision?: number;
	};
	const max = Math.min(uiMax, maxValue ?? uiMax);
	const value = options[key] ?? Math.min(fallback, max);
	const number = Number(value);
	const integer = numberPrecision === undefined;
	if (!Number.isFinite(number) || number < minValue || number > max || (integer && !Number.isInteger(number))) {
		const kind = integer ? 'a whole number' : 'a number';
		return { problem: `${displayName} must be ${kind} from ${minValue} to ${max} (got ${JSON.stringify(value)})` };
	}
	return number;
}

export function readSettings(
	ctx: IExecuteFunctions,
	maxRecords = 10,
): { settings: JobSettings } | { failure: ItemFailure } {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	// Options the user did not add take the defaults shown in the UI.
	const recordsPerRequest = readNumber(options, 'recordsPerRequest', maxRecords);
	const parallel = readNumber(options, 'parallelRequests');
	const sizeMb = readNumber(options, 'maxRequestSizeMb');
	const timeout = readNumber(options, 'timeout');
	const maxRetries = readNumber(options, 'maxRetries');
	const requestsPerMinute = readNumber(options, 'requestsPerMinute');
	for (const value of [recordsPerRequest, parallel, sizeMb, timeout, maxRetries, requestsPerMinute]) {
		if (typeof value !== 'number') return { failure: inputFailure(value.problem, 'Fix the value under Options in the node.') };
	}
	return {
		settings: {
			limits: { maxRecords: recordsPerRequest as number, maxBytes: (sizeMb as number) * MB },
			parallel: parallel as number,
			policy: {
				timeoutMs: (timeout as number) * 1000,
				maxRetries: maxRetries as number,
				retryMayBill: options.retryMayBill === true,
				pacer: new Pacer({
					max: parallel as number,
					adaptive: options.adaptToRateLimits !== false,
					requestsPerMinute: requestsPerMinute as number,
				}),
			},
			includeBinary: options.includeInputBinary === true,
			options,
		},
	};
}
