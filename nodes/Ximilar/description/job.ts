import type { INodeProperties } from 'n8n-workflow';

import { JOB_TYPES } from '../catalog/asyncServices';
import { downloadProperties, simplifyProperty } from './asyncJob';
import { optionsCollection, REQUEST_OPTIONS, returnAllAndLimit } from './requestOptions';

const show = { resource: ['job'] };

export const jobProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the result of a job',
				description: 'The result of an async job (card grading, upscaling, ...): one item per image',
			},
			{ name: 'Get Status', value: 'getStatus', action: 'Get the status of a job', description: 'Whether a job is done' },
			{ name: 'List', value: 'list', action: 'List jobs', description: 'Your async jobs, newest first' },
		],
		default: 'get',
	},
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f1c2a4e-8d2b-4a57-9a0e-2b4c1f0d9e11',
		description: 'The ID a Grade Card or Upscale operation output (field jobId)',
		displayOptions: { show: { ...show, operation: ['get', 'getStatus'] } },
	},
	...downloadProperties({ ...show, operation: ['get'] }, false),
	simplifyProperty({ ...show, operation: ['get'] }),
	...returnAllAndLimit({ ...show, operation: ['list'] }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { ...show, operation: ['list'] } },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ['CREATED', 'PROCESSING', 'DONE'].map((value) => ({ name: value, value })),
				default: 'DONE',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: JOB_TYPES.map((value) => ({ name: value, value })),
				default: 'card-grader',
			},
		],
	},
	optionsCollection({ show }, [
		REQUEST_OPTIONS.maxRetries,
		REQUEST_OPTIONS.parallelRequests,
		REQUEST_OPTIONS.timeout,
	]),
];
