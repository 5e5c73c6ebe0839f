import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { REQUEST_OPTIONS } from '../description/requestOptions';
import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { checkNumber } from '../records/numberParameter';
import { Pacer } from '../transport/pacer';
import type { RequestPolicy } from '../transport/request';
import type { BatchLimits } from './batching/planBatches';

/**
 * How a run goes: the options that govern the whole run (batch size, parallelism,
 * timeout, retries). They cannot differ per item, so they are read once, from the first
 * item, and their fields carry `noDataExpression`.
 */
export interface RunSettings {
	limits: BatchLimits;
	parallel: number;
	policy: RequestPolicy;
	includeBinary: boolean;
	/** Read-only operations: send an item that repeats an earlier item's request only once (Send Each Distinct Image Once). */
	distinctOnce: boolean;
	/** The largest result image a download may bring (Max Download Size). */
	maxDownloadBytes: number;
	options: IDataObject;
}

const MB = 1024 * 1024;

const NUMERIC_OPTIONS = [
	'recordsPerRequest',
	'parallelRequests',
	'maxRequestSizeMb',
	'maxDownloadSizeMb',
	'timeout',
	'maxRetries',
	'requestsPerMinute',
	'maxRateLimitWait',
] as const;
type NumericOption = (typeof NUMERIC_OPTIONS)[number];

/** An option's value, or what is wrong with it in words, by the limits the panel shows (checkNumber). */
function readNumber(options: IDataObject, key: NumericOption): number | string {
	const field = REQUEST_OPTIONS[key];
	// Options the user did not add take the defaults shown in the UI.
	const checked = checkNumber(field, options[key] ?? field.default);
	return 'problem' in checked ? checked.problem : checked.value;
}

export function readSettings(ctx: IExecuteFunctions): { settings: RunSettings } | { failure: ItemFailure } {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const numbers = {} as Record<NumericOption, number>;
	for (const key of NUMERIC_OPTIONS) {
		const value = readNumber(options, key);
		if (typeof value === 'string') return { failure: inputFailure(value, 'Fix the value under Options in the node.') };
		numbers[key] = value;
	}
	const parallel = numbers.parallelRequests;
	return {
		settings: {
			limits: { maxRecords: numbers.recordsPerRequest, maxBytes: numbers.maxRequestSizeMb * MB },
			parallel,
			policy: {
				timeoutMs: numbers.timeout * 1000,
				maxRetries: numbers.maxRetries,
				maxWaitMs: numbers.maxRateLimitWait * 1000,
				retryMayBill: options.retryMayBill === true,
				pacer: new Pacer({
					max: parallel,
					adaptive: options.adaptToRateLimits !== false,
					requestsPerMinute: numbers.requestsPerMinute,
				}),
			},
			includeBinary: options.includeInputBinary === true,
			distinctOnce: options.distinctImagesOnce !== false,
			maxDownloadBytes: numbers.maxDownloadSizeMb * MB,
			options,
		},
	};
}
