import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { UPSCALE_ENDPOINTS, UPSCALE_MODES, UPSCALER_TYPE } from '../../catalog/asyncServices';
import { asyncJobProperties, asyncOptions, downloadProperties } from '../../description/asyncJob';
import { imageSourceProperties } from '../../description/imageSource';
import { showFor, type OperationOption } from '../../description/operations';
import { movedParameter, movedParameterPath } from '../../description/movedParameters';
import { outputProperties } from '../../description/output';
import { runImageJobs } from '../../engine/jobs/imageJobs';
import { readImageField } from '../../records/imageRecord';
import { textParameter } from '../../records/jsonObject';

export const option: OperationOption = {
	name: 'Upscale',
	value: 'upscale',
	action: 'Upscale an image',
	description: 'Enlarge an image 2x, 4x or 8x as an async job; the result can come back as a file',
};

/** Rarely set (its values are not documented): among the Options. */
const MODEL_TYPE: INodeProperties = {
	displayName: 'Model Type',
	name: 'upscaleModelType',
	type: 'string',
	default: '',
	placeholder: 'e.g. classic',
	description:
		'The upscaling model (Ximilar\'s model_type); Ximilar\'s default when empty. The docs name the field; its values are not listed there.',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Scale',
		name: 'upscaleEndpoint',
		type: 'options',
		noDataExpression: true,
		options: UPSCALE_ENDPOINTS.map(({ name, value, description }) => ({ name, value, description })),
		default: 'upscale_2x',
	},
	{
		displayName: 'Mode',
		name: 'upscaleMode',
		type: 'options',
		options: UPSCALE_MODES.map(({ name, value, description }) => ({ name, value, description })),
		default: '',
	},
	...imageSourceProperties(),
	{
		displayName: 'Image ID',
		name: 'recordId',
		type: 'string',
		default: '',
		description: 'Optional ID sent with the image (Ximilar\'s record _id) and returned as _id',
	},
	...asyncJobProperties(),
	...downloadProperties({ resultMode: ['wait'] }, true),
	...outputProperties({ allColumns: 'job ID and status, _id, the result image URL and the size of the original' }, { resultMode: ['wait'] }),
	movedParameter(MODEL_TYPE.name, ''),
	asyncOptions([MODEL_TYPE]),
];

export const description = updateDisplayOptions(showFor('image', 'upscale'), properties);

/** Upscale: one image per job (the upscaler takes exactly one record, docs/ximilar-api.md "Upscaler"). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const endpoint = this.getNodeParameter('upscaleEndpoint', 0) as string;
	const mode = textParameter(this.getNodeParameter('upscaleMode', 0, ''));
	// model_type is a documented upscaler field (docs/ximilar-api.md §10); sent only when set.
	const modelType = textParameter(this.getNodeParameter(movedParameterPath(this, MODEL_TYPE.name), 0, ''));
	return await runImageJobs(this, {
		type: UPSCALER_TYPE,
		endpoint,
		fields: { ...(mode ? { mode } : {}), ...(modelType ? { model_type: modelType } : {}) },
		records: async (itemIndex) => {
			const id = textParameter(this.getNodeParameter('recordId', itemIndex, ''));
			const image = await readImageField(this, itemIndex);
			if ('failure' in image) return image;
			return { records: [{ ...(id ? { _id: id } : {}), ...image.field }] };
		},
		mayDownload: true,
		fileSuffix: `upscaled-${endpoint.replace(/^upscale_/, '')}`,
	});
}
