import type { INodeProperties } from 'n8n-workflow';

import { SERVICE_OPTIONS, type ServiceOptionKey } from '../catalog/serviceOptions';
import { RECOGNITION_SERVICES } from '../catalog/services';
import { downloadProperties } from './asyncJob';
import { byName } from './byName';
import { imageSourceProperties } from './imageSource';
import { BATCH_OPTIONS, IMAGE_OPTIONS, optionsCollection, REQUEST_OPTIONS } from './requestOptions';
import { sharedSettingsNotice } from './sharedSettingsNotice';

const show = { resource: ['image'], operation: ['recognize'] };

const servicesWith = (predicate: (s: (typeof RECOGNITION_SERVICES)[number]) => boolean) =>
	RECOGNITION_SERVICES.filter(predicate).map((service) => service.value);

/** One entry per option key, shown only for the services whose catalog entry lists it. */
const serviceOptionFields: INodeProperties[] = (Object.keys(SERVICE_OPTIONS) as ServiceOptionKey[])
	.map((key) => ({
		...SERVICE_OPTIONS[key].property,
		name: key,
		displayOptions: { show: { '/service': servicesWith((s) => s.options.includes(key)) } },
	}))
	.sort((a, b) => a.displayName.localeCompare(b.displayName));

export const recognizeProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['image'] } },
		// The main action first (the nodes panel lists actions in this order); the async jobs follow.
		options: [
			{
				name: 'Recognize',
				value: 'recognize',
				action: 'Recognize an image',
				description:
					'Identify cards and comics, tag fashion and home decor, classify or detect objects: one result per input image',
			},
			{
				name: 'Grade Card',
				value: 'gradeCard',
				action: 'Grade a trading card',
				description:
					'Grade corners, edges, surface and centering of a card photo (front and back together if you like) as an async job',
			},
			{
				name: 'Upscale',
				value: 'upscale',
				action: 'Upscale an image',
				description: 'Enlarge an image 2x, 4x or 8x as an async job; the result can come back as a file',
			},
		],
		default: 'recognize',
	},
	{
		displayName: 'Service',
		name: 'service',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: byName(RECOGNITION_SERVICES.map(({ name, value, description }) => ({ name, value, description }))),
		default: 'tcgId',
		description: 'Which Ximilar service recognizes the images',
	},
	{
		displayName: 'Endpoint Path',
		name: 'endpointPath',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/collectibles/v2/tcg_id',
		description: 'Path of a Ximilar endpoint that takes "records", below the API URL of the credential',
		displayOptions: { show: { ...show, service: ['custom'] } },
	},
	{
		displayName: 'Task',
		name: 'task',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The task you trained in the Ximilar App (Custom Image Recognition / Object Detection)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '0a8c8186-aee8-47c8-9eaf-348103feb14d',
			},
		],
		displayOptions: { show: { ...show, service: servicesWith((s) => s.needsTask === true) } },
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. Return the invoice number and the total amount',
		description: 'What GPT should answer about the text read from each image; may differ per item',
		displayOptions: { show: { ...show, service: servicesWith((s) => s.needsPrompt === true) } },
	},
	...imageSourceProperties(show),
	sharedSettingsNotice(
		'recognizeRequestNotice',
		'Endpoint Path, Task, Service Options and Additional Request Fields are shared by a request; they',
		show,
	),
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		description:
			'Optional ID sent as the record\'s _id and returned with the result, e.g. mapped from the SKU of the input item',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Record Fields',
		name: 'additionalFields',
		type: 'json',
		default: '{}',
		description:
			'Extra fields for each record as a JSON object, returned with the result (e.g. {"set_code": "SV01"} for trading cards)',
		displayOptions: { show },
	},
	...downloadProperties({ ...show, service: servicesWith((s) => s.summary === 'removeBackground') }, false),
	{
		displayName: 'Service Options',
		name: 'serviceOptions',
		type: 'collection',
		placeholder: 'Add Service Option',
		default: {},
		displayOptions: { show: { ...show, service: servicesWith((s) => s.options.length > 0) } },
		options: serviceOptionFields,
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data: the main results first, one flat row per image (per card with Analyze All Cards)',
		displayOptions: { show: { ...show, service: servicesWith((s) => s.value !== 'custom') } },
	},
	optionsCollection({ show }, [
		REQUEST_OPTIONS.adaptToRateLimits,
		{
			displayName: 'Additional Request Fields',
			name: 'additionalRequestFields',
			type: 'json',
			default: '{}',
			description:
				'Extra top-level fields for the request body as a JSON object, for service options this node does not list yet',
		},
		...IMAGE_OPTIONS,
		...BATCH_OPTIONS,
	]),
];
