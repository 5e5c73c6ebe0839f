import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, REQUEST_OPTIONS } from './requestOptions';

/** Fields the Job operations share. */

export const JOB_ID: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '3f1c2a4e-8d2b-4a57-9a0e-2b4c1f0d9e11',
	description: 'The ID a Grade Card or Upscale operation output (field jobId)',
};

/** Reading jobs costs nothing: only how requests go. */
export const JOB_OPTIONS = optionsCollection([
	REQUEST_OPTIONS.maxRetries,
	REQUEST_OPTIONS.maxRateLimitWait,
	REQUEST_OPTIONS.parallelRequests,
	REQUEST_OPTIONS.timeout,
]);

/** Job > Get's Options: those of every Job operation, and the size cap of a result image download. */
export const JOB_GET_OPTIONS = optionsCollection([
	REQUEST_OPTIONS.maxDownloadSizeMb,
	REQUEST_OPTIONS.maxRetries,
	REQUEST_OPTIONS.maxRateLimitWait,
	REQUEST_OPTIONS.parallelRequests,
	REQUEST_OPTIONS.timeout,
]);
