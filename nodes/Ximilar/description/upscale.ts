import type { INodeProperties } from 'n8n-workflow';

import { UPSCALE_ENDPOINTS, UPSCALE_MODES } from '../catalog/asyncServices';
import { asyncJobProperties, asyncOptions, downloadProperties, simplifyProperty } from './asyncJob';
import { imageSourceProperties } from './imageSource';

const show = { resource: ['image'], operation: ['upscale'] };

export const upscaleProperties: INodeProperties[] = [
	{
		displayName: 'Scale',
		name: 'upscaleEndpoint',
		type: 'options',
		noDataExpression: true,
		options: UPSCALE_ENDPOINTS.map(({ name, value, description }) => ({ name, value, description })),
		default: 'upscale_2x',
		displayOptions: { show },
	},
	{
		displayName: 'Mode',
		name: 'upscaleMode',
		type: 'options',
		options: UPSCALE_MODES.map(({ name, value, description }) => ({ name, value, description })),
		default: '',
		displayOptions: { show },
	},
	...imageSourceProperties(show),
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		description: 'Optional ID sent as the record\'s _id and returned with the result',
		displayOptions: { show },
	},
	...asyncJobProperties(show),
	...downloadProperties({ ...show, resultMode: ['wait'] }, true),
	simplifyProperty({ ...show, resultMode: ['wait'] }),
	asyncOptions(show),
];
