import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CARD_GRADER_TYPE } from '../../catalog/asyncServices';
import { runImageJobs } from '../../jobs/jobOperation';
import { readImageField } from '../../records/imageRecord';
import { textParameter } from '../../records/jsonObject';

const BACK_IMAGE = { binaryPropertyName: 'backBinaryPropertyName', imageUrl: 'backImageUrl', base64Image: 'backBase64Image' };

/** Item i as grading records: the front, and the back when asked, with Side hints (shapes section 3). */
async function cardRecords(ctx: IExecuteFunctions, itemIndex: number) {
	const id = textParameter(ctx.getNodeParameter('recordId', itemIndex, ''));
	const withBack = ctx.getNodeParameter('withBack', itemIndex, false) === true;
	const front = await readImageField(ctx, itemIndex);
	if ('failure' in front) return front;
	const records: IDataObject[] = [{ ...(id ? { _id: id } : {}), ...(withBack ? { Side: 'Front' } : {}), ...front.field }];
	if (withBack) {
		const back = await readImageField(ctx, itemIndex, BACK_IMAGE);
		if ('failure' in back) return { failure: { ...back.failure, message: `back of the card: ${back.failure.message}` } };
		records.push({ ...(id ? { _id: `${id}-back` } : {}), Side: 'Back', ...back.field });
	}
	return { records };
}

export async function gradeCard(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const endpoint = this.getNodeParameter('gradingEndpoint', 0) as string;
	return await runImageJobs(this, {
		type: CARD_GRADER_TYPE,
		endpoint,
		fields: {},
		records: async (itemIndex) => await cardRecords(this, itemIndex),
		mayDownload: endpoint === 'crop_level',
		fileSuffix: 'cropped',
	});
}
