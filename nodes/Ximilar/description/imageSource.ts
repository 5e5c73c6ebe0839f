import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { FRONT_IMAGE, IMAGE_SOURCE_PARAMETER } from '../records/imageParameters';
import { fromAiDefault } from './agentTool';

const BINARY: INodePropertyOptions = {
	name: 'Binary File',
	value: 'binary',
	description: 'An image file on the input item (from a form, webhook, Read File, HTTP Request, ...)',
};
const URL: INodePropertyOptions = {
	name: 'Image URL',
	value: 'url',
	description: 'A public http(s) link to the image; Ximilar downloads it',
};
const BASE64: INodePropertyOptions = {
	name: 'Base64',
	value: 'base64',
	description: 'The image as base64 text or a data URI',
};

/**
 * Where each item's image comes from: shared by Recognize, Grade Card, Upscale, Search and
 * Insert (shown when `show` holds, besides the operation's own condition). The tool variant
 * (`@tool`) offers no Binary File, which an AI agent cannot hand over, and lets the agent
 * fill the URL or base64 through `$fromAI`. The names come from records/imageParameters.ts.
 */
export function imageSourceProperties(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	const when = (extra: IDisplayOptions['show'] = {}): IDisplayOptions => ({ show: { ...show, ...extra } });
	const node = { '@tool': [false] };
	const tool = { '@tool': [true] };
	const imageUrl: INodeProperties = {
		displayName: 'Image URL',
		name: FRONT_IMAGE.url,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/card.jpg',
		description: 'Public http(s) link to the image, usually mapped from a field of the input item',
		displayOptions: when({ ...node, imageSource: ['url'] }),
	};
	const base64Image: INodeProperties = {
		displayName: 'Base64 Image',
		name: FRONT_IMAGE.base64,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'data:image/jpeg;base64,/9j/4AAQ...',
		description: 'Raw base64 or a data URI, usually mapped from a field of the input item',
		displayOptions: when({ ...node, imageSource: ['base64'] }),
	};
	return [
		{
			displayName: 'Image Source',
			name: IMAGE_SOURCE_PARAMETER,
			type: 'options',
			noDataExpression: true,
			options: [BINARY, URL, BASE64],
			default: 'binary',
			displayOptions: when(node),
		},
		{
			displayName: 'Image Source',
			name: IMAGE_SOURCE_PARAMETER,
			type: 'options',
			noDataExpression: true,
			options: [URL, BASE64],
			default: 'url',
			displayOptions: when(tool),
		},
		{
			displayName: 'Input Binary Field',
			name: FRONT_IMAGE.binaryField,
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the image',
			displayOptions: when({ ...node, imageSource: ['binary'] }),
		},
		imageUrl,
		{
			...imageUrl,
			default: fromAiDefault('image_url', 'Public http(s) link straight to the image file (JPEG, PNG, WEBP), not to a web page'),
			displayOptions: when({ ...tool, imageSource: ['url'] }),
		},
		base64Image,
		{
			...base64Image,
			default: fromAiDefault('image_base64', 'The image as base64 text or a data:image/...;base64, URI'),
			displayOptions: when({ ...tool, imageSource: ['base64'] }),
		},
	];
}
