import type { INodeProperties } from 'n8n-workflow';

/** Fields sent with each image of Recognize and Run Flow. Ximilar calls an image with its fields a "record". */

export const IMAGE_ID: INodeProperties = {
	displayName: 'Image ID',
	name: 'recordId',
	type: 'string',
	default: '',
	description: 'Optional ID sent with the image (Ximilar\'s record _id) and returned as _id, e.g. mapped from the SKU of the input item',
};

export const ADDITIONAL_IMAGE_FIELDS: INodeProperties = {
	displayName: 'Additional Image Fields',
	name: 'additionalFields',
	type: 'json',
	default: '{}',
	description:
		'Extra fields sent with each image as a JSON object (Ximilar\'s record fields) and returned with the result, e.g. {"set_code": "SV01"} for trading cards',
};
