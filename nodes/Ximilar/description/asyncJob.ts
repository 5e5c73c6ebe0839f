import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, REQUEST_OPTIONS } from './requestOptions';


/**
 * Headers the node adds to a webhook job so that the callback says what the job was: Ximilar
 * posts only `{id, status, response}`, with the job's webhook headers (docs/ximilar-api.md §4).
 * The Ximilar Trigger summarises the records by them.
 */
export const JOB_TYPE_HEADER = 'X-Ximilar-Job-Type';
export const JOB_ENDPOINT_HEADER = 'X-Ximilar-Job-Endpoint';

/** Said with every job submitted in Webhook mode: Ximilar calls back on DONE only (docs/ximilar-api.md §4). */
export const WEBHOOK_DONE_ONLY =
	'Ximilar calls the webhook only when the job is DONE: a job that fails never calls back. Sweep such jobs with Job > List (Status: Not Done).';

/** Where the result image goes: shared by Recognize (background removal), Grade Card (Crop and Level), Upscale and Job > Get. */
export function downloadProperties(show: IDisplayOptions['show'] = {}, defaultOn = false): INodeProperties[] {
	const toggle: INodeProperties = {
		displayName: 'Download Result Image',
		name: 'downloadResultImage',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the result image into the output item as a file, so the next node can upload it. Ximilar keeps the image URL for 24 hours only.',
		displayOptions: { show },
	};
	return [
		defaultOn ? { ...toggle, default: true } : toggle,
		{
			displayName: 'Put Result Image in Field',
			name: 'resultBinaryProperty',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field for the result image',
			displayOptions: { show: { ...show, downloadResultImage: [true] } },
		},
	];
}

/** Wait Timeout: its typeOptions are the panel's limits and the check of a value an expression gives. */
export const WAIT_TIMEOUT = {
	displayName: 'Wait Timeout (Seconds)',
	name: 'waitTimeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 300,
	description:
		'How long to wait for each job. A job not done by then becomes an error item with its job ID; it keeps running at Ximilar.',
	displayOptions: { show: { resultMode: ['wait'] } },
} satisfies INodeProperties;

/** Result mode, webhook and waiting parameters of an operation that runs as an async job. */
export function asyncJobProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Get Result',
			name: 'resultMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Wait for Result',
					value: 'wait',
					description: 'Submit the jobs, wait until Ximilar is done, output one item per image',
				},
				{
					name: 'Submit Only',
					value: 'submit',
					description: 'Output the job ID of each item at once; fetch the result later with Job > Get',
				},
				{
					name: 'Webhook',
					value: 'webhook',
					description:
						'Ximilar posts the result to a URL when the job is done: a Ximilar Trigger workflow, or {{ $execution.resumeUrl }} of a Wait node',
				},
			],
			default: 'wait',
		},
		WAIT_TIMEOUT,
		{
			displayName: WEBHOOK_DONE_ONLY,
			name: 'webhookDoneOnlyNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resultMode: ['webhook'] } },
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://n8n.example.com/webhook/ximilar',
			description:
				'Where Ximilar posts {ID, status, response} when the job is done: the production URL of a Ximilar Trigger node, or {{ $execution.resumeUrl }} when a Wait node follows',
			displayOptions: { show: { resultMode: ['webhook'] } },
		},
		{
			displayName:
				'The secret header goes with each job from the Ximilar Webhook credential chosen above; use the same credential in the Ximilar Trigger (with a Wait node, set its Header Auth to the same header and value).',
			name: 'webhookSecretNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resultMode: ['webhook'] } },
		},
	];
}

/** Options of an async operation (the request ones it uses, and its own rarely used ones). */
export function asyncOptions(own: INodeProperties[] = []): INodeProperties {
	return optionsCollection([
		...own,
		REQUEST_OPTIONS.includeInputBinary,
		REQUEST_OPTIONS.includeInputFields,
		REQUEST_OPTIONS.maxDownloadSizeMb,
		REQUEST_OPTIONS.maxRetries,
		REQUEST_OPTIONS.maxRateLimitWait,
		REQUEST_OPTIONS.retryMayBill,
		{
			...REQUEST_OPTIONS.parallelRequests,
			description:
				'How many jobs may run at once. Each item is one job; the next starts when one is done.',
		},
		REQUEST_OPTIONS.timeout,
	]);
}
