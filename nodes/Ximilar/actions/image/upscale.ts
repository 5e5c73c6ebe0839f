import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { UPSCALER_TYPE } from '../../catalog/asyncServices';
import { runImageJobs } from '../../jobs/jobOperation';
import { readImageField } from '../../records/imageRecord';
import { textParameter } from '../../records/jsonObject';

/** One image per job: the upscaler takes exactly one record (shapes section 8). */
export async function upscale(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const endpoint = this.getNodeParameter('upscaleEndpoint', 0) as string;
	const mode = textParameter(this.getNodeParameter('upscaleMode', 0, ''));
	return await runImageJobs(this, {
		type: UPSCALER_TYPE,
		endpoint,
		fields: mode ? { mode } : {},
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
