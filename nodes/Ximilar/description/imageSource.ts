import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Where each item's image comes from: shared by Recognize, Search and Insert. */
export function imageSourceProperties(show: IDisplayOptions['show']): INodeProperties[] {
	const when = (extra: IDisplayOptions['show'] = {}): IDisplayOptions => ({ show: { ...show, ...extra } });
	return [
		{
			displayName: 'Image Source',
			name: 'imageSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: 'An image file on the input item (from a form, webhook, Read File, HTTP Request, ...)',
				},
				{
					name: 'Image URL',
					value: 'url',
					description: 'A public http(s) link to the image; Ximilar downloads it',
				},
				{
					name: 'Base64',
					value: 'base64',
					description: 'The image as base64 text or a data URI',
				},
			],
			default: 'binary',
			displayOptions: when(),
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the image',
			displayOptions: when({ imageSource: ['binary'] }),
		},
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/card.jpg',
			description: 'Public http(s) link to the image, usually mapped from a field of the input item',
			displayOptions: when({ imageSource: ['url'] }),
		},
		{
			displayName: 'Base64 Image',
			name: 'base64Image',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'data:image/jpeg;base64,/9j/4AAQ...',
			description: 'Raw base64 or a data URI, usually mapped from a field of the input item',
			displayOptions: when({ imageSource: ['base64'] }),
		},
	];
}
