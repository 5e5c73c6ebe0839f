import type { INodeProperties } from 'n8n-workflow';

/**
 * Options that shape how records travel: each operation picks the ones that apply to it.
 * They govern the whole run (one value for all items: `noDataExpression`), and their
 * limits here are the ones the node checks.
 */
export const REQUEST_OPTIONS = {
	recordsPerRequest: {
		displayName: 'Images per Request',
		name: 'recordsPerRequest',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 10,
		description:
			'How many images go in one request to Ximilar (at most 10; Ximilar calls them records). Every image is billed either way; fewer requests are faster.',
	},
	parallelRequests: {
		displayName: 'Parallel Requests',
		name: 'parallelRequests',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 1, maxValue: 64 },
		default: 32,
		description:
			'The most requests in flight at once. With Adapt to Rate Limits on, the node starts with 2 and goes up to this while Ximilar keeps up.',
	},
	adaptToRateLimits: {
		displayName: 'Adapt to Rate Limits',
		name: 'adaptToRateLimits',
		type: 'boolean',
		noDataExpression: true,
		default: true,
		description:
			'Whether to pace requests by Ximilar\'s answers: start with 2 in flight and add one per success up to Parallel Requests; on "too many requests" (429) go back to the number that got through, wait as long as Ximilar asks, then try more again. Such requests are sent again (nothing was processed) and do not count against Max Retries. Runs that use the same credential at once pace together, since Ximilar\'s limits are per account. Off: always Parallel Requests in flight.',
	},
	requestsPerMinute: {
		displayName: 'Requests per Minute',
		name: 'requestsPerMinute',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 0, maxValue: 100000 },
		default: 0,
		description: 'The most requests to start in any minute, spaced evenly, for plans with a quota. 0: no cap.',
	},
	maxRateLimitWait: {
		displayName: 'Max Wait on Rate Limit (Seconds)',
		name: 'maxRateLimitWait',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 0, maxValue: 3600 },
		default: 60,
		description:
			'The longest one request waits, in all, when Ximilar asks to wait (rate limit, spent quota, service unavailable). When Ximilar asks for longer, for example until a monthly quota renews, the items fail at once, saying when Ximilar accepts requests again, instead of the run waiting for hours.',
	},
	maxRequestSizeMb: {
		displayName: 'Max Request Size (MB)',
		name: 'maxRequestSizeMb',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 0.1, maxValue: 1024, numberPrecision: 1 },
		default: 20,
		description:
			'A batch is split before its body grows past this size; a single image larger than this is refused before sending (no credit spent). Base64 makes images about a third larger than their files.',
	},
	maxDownloadSizeMb: {
		displayName: 'Max Download Size (MB)',
		name: 'maxDownloadSizeMb',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 0.1, maxValue: 1024, numberPrecision: 1 },
		default: 50,
		description:
			'A result image larger than this fails its item instead of filling memory; the download stops as soon as it passes the size',
		// Only where a result image is downloaded.
		displayOptions: { show: { '/downloadResultImage': [true] } },
	},
	timeout: {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 60,
		description:
			'How long one request may take, from connecting to the last byte of the answer; also the most a result image download may take, from start to end. A request that takes longer is stopped, and sent again only when Ximilar cannot have processed it (or when you allow that below).',
	},
	maxRetries: {
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 3,
		description:
			'How many more times to send a request Ximilar did not process: rate limit (429), service unavailable (503), connection refused or lost before the request was sent. Rejected requests (400, 401, 403, 404) are never retried.',
	},
	retryMayBill: {
		displayName: 'Retry Even When It May Bill Twice',
		name: 'retryMayBill',
		type: 'boolean',
		noDataExpression: true,
		default: false,
		description:
			'Whether to also send again a request whose outcome is unclear: it timed out, Ximilar answered 500, 502 or 504, or the connection broke after sending. Ximilar may already have processed and billed those images, so a retry can bill them twice.',
	},
	includeInputFields: {
		displayName: 'Include Other Input Fields',
		name: 'includeInputFields',
		type: 'boolean',
		noDataExpression: true,
		default: false,
		description:
			'Whether to keep the input item\'s fields (e.g. its SKU) beside the result, on success as on failure. A result field of the same name wins.',
	},
	distinctImagesOnce: {
		displayName: 'Send Each Distinct Image Once',
		name: 'distinctImagesOnce',
		type: 'boolean',
		noDataExpression: true,
		default: true,
		description:
			'Whether to send an image only once when several items would send the same request (the same image, by its bytes or its URL, with the same settings and fields apart from Image ID). Each of those items still gets the whole result, with its own Image ID, and (in All Columns and Raw output) says which item it shares it with; Ximilar bills it once. Off: every item is sent and billed.',
	},
	includeInputBinary: {
		displayName: 'Include Input Binary',
		name: 'includeInputBinary',
		type: 'boolean',
		default: false,
		description: 'Whether to pass the input image through to the output item, e.g. to upload it afterwards',
	},
} satisfies Record<string, INodeProperties>;

/** How batched images are sent, retried and paced: Options of every batched operation. */
export const BATCH_OPTIONS: INodeProperties[] = [
	REQUEST_OPTIONS.maxRetries,
	REQUEST_OPTIONS.maxRateLimitWait,
	REQUEST_OPTIONS.parallelRequests,
	REQUEST_OPTIONS.recordsPerRequest,
	REQUEST_OPTIONS.requestsPerMinute,
	REQUEST_OPTIONS.retryMayBill,
	REQUEST_OPTIONS.timeout,
];

/** The Options of operations that send images, before BATCH_OPTIONS. */
export const IMAGE_OPTIONS: INodeProperties[] = [
	REQUEST_OPTIONS.includeInputBinary,
	REQUEST_OPTIONS.includeInputFields,
	REQUEST_OPTIONS.maxRequestSizeMb,
];

/** An operation's Options collection, its options listed alphabetically as n8n lists them. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	const sorted = [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: sorted };
}

/** Limit of a list operation: its typeOptions are also the check of a Limit an expression gives. */
export const LIMIT = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
} satisfies INodeProperties;

/** Return All and Limit of a list operation. */
export const RETURN_ALL_AND_LIMIT: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	LIMIT,
];
