import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, REQUEST_OPTIONS } from './requestOptions';

/** Fields the Job operations share. */

/** The job: picked from the account's recent jobs, or by ID (a plain ID saved by an older workflow is read as is). */
export const JOB_ID: INodeProperties = {
	displayName: 'Job',
	name: 'jobId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The job: from your recent jobs, or by the ID a Grade Card or Upscale operation output (field jobId)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchJobs', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '3f1c2a4e-8d2b-4a57-9a0e-2b4c1f0d9e11',
		},
	],
};

/** Reading jobs costs nothing: only how requests go. */
export const JOB_OPTIONS = optionsCollection([
	REQUEST_OPTIONS.includeInputFields,
	REQUEST_OPTIONS.maxRetries,
	REQUEST_OPTIONS.maxRateLimitWait,
	REQUEST_OPTIONS.parallelRequests,
	REQUEST_OPTIONS.timeout,
]);

/** Job > Get's Options: those of every Job operation, and the size cap of a result image download. */
export const JOB_GET_OPTIONS = optionsCollection([
	REQUEST_OPTIONS.includeInputFields,
	REQUEST_OPTIONS.maxDownloadSizeMb,
	REQUEST_OPTIONS.maxRetries,
	REQUEST_OPTIONS.maxRateLimitWait,
	REQUEST_OPTIONS.parallelRequests,
	REQUEST_OPTIONS.timeout,
]);
