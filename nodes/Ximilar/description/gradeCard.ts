import type { INodeProperties } from 'n8n-workflow';

import { GRADING_ENDPOINTS } from '../catalog/asyncServices';
import { asyncJobProperties, asyncOptions, downloadProperties, simplifyProperty } from './asyncJob';
import { imageSourceProperties } from './imageSource';

const show = { resource: ['image'], operation: ['gradeCard'] };

export const gradeCardProperties: INodeProperties[] = [
	{
		displayName: 'Endpoint',
		name: 'gradingEndpoint',
		type: 'options',
		noDataExpression: true,
		options: GRADING_ENDPOINTS.map(({ name, value, description }) => ({ name, value, description })),
		default: 'grade',
		description: 'What Ximilar\'s card grader returns',
		displayOptions: { show },
	},
	...imageSourceProperties(show),
	{
		displayName: 'Grade Front and Back Together',
		name: 'withBack',
		type: 'boolean',
		default: false,
		description:
			'Whether each item also carries the back of the card: both sides go in one job and each gets its own output item',
		displayOptions: { show },
	},
	{
		displayName: 'Back Binary Field',
		name: 'backBinaryPropertyName',
		type: 'string',
		default: 'back',
		required: true,
		hint: 'The name of the input binary field containing the back of the card',
		displayOptions: { show: { ...show, withBack: [true], imageSource: ['binary'] } },
	},
	{
		displayName: 'Back Image URL',
		name: 'backImageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/card-back.jpg',
		displayOptions: { show: { ...show, withBack: [true], imageSource: ['url'] } },
	},
	{
		displayName: 'Back Base64 Image',
		name: 'backBase64Image',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...show, withBack: [true], imageSource: ['base64'] } },
	},
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		description: 'Optional ID sent as the record\'s _id and returned with the result (the back gets the ID followed by "-back")',
		displayOptions: { show },
	},
	...asyncJobProperties(show),
	...downloadProperties({ ...show, gradingEndpoint: ['crop_level'], resultMode: ['wait'] }, true),
	simplifyProperty({ ...show, resultMode: ['wait'] }),
	asyncOptions(show),
];
