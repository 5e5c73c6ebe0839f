import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CARD_GRADER_TYPE, GRADING_ENDPOINTS } from '../../catalog/asyncServices';
import { asyncJobProperties, asyncOptions, downloadProperties } from '../../description/asyncJob';
import { imageSourceProperties } from '../../description/imageSource';
import { showFor, type OperationOption } from '../../description/operations';
import { JOB_OUTPUT, outputProperties } from '../../description/output';
import { runImageJobs } from '../../engine/jobs/imageJobs';
import { BACK_IMAGE } from '../../records/imageParameters';
import { readImageField } from '../../records/imageRecord';
import { textParameter } from '../../records/jsonObject';

export const option: OperationOption = {
	name: 'Grade Card',
	value: 'gradeCard',
	action: 'Grade a trading card',
	description: 'Grade corners, edges, surface and centering of a card photo (front and back together if you like) as an async job',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Endpoint',
		name: 'gradingEndpoint',
		type: 'options',
		noDataExpression: true,
		options: GRADING_ENDPOINTS.map(({ name, value, description }) => ({ name, value, description })),
		default: 'grade',
		description: 'What Ximilar\'s card grader returns',
	},
	{
		displayName: 'Condition Mode',
		name: 'conditionMode',
		type: 'string',
		default: '',
		placeholder: 'e.g. tcgplayer',
		description: 'Whose condition scale the label follows (Ximilar\'s mode, e.g. tcgplayer); Ximilar\'s default when empty',
		displayOptions: { show: { gradingEndpoint: ['condition'] } },
	},
	...imageSourceProperties(),
	{
		displayName: 'Grade Front and Back Together',
		name: 'withBack',
		type: 'boolean',
		default: false,
		description: 'Whether each item also carries the back of the card: both sides go in one job and each gets its own output item',
	},
	{
		displayName: 'Back Binary Field',
		name: BACK_IMAGE.binaryField,
		type: 'string',
		default: 'back',
		required: true,
		hint: 'The name of the input binary field containing the back of the card',
		displayOptions: { show: { withBack: [true], imageSource: ['binary'] } },
	},
	{
		displayName: 'Back Image URL',
		name: BACK_IMAGE.url,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/card-back.jpg',
		displayOptions: { show: { withBack: [true], imageSource: ['url'] } },
	},
	{
		displayName: 'Back Base64 Image',
		name: BACK_IMAGE.base64,
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { withBack: [true], imageSource: ['base64'] } },
	},
	{
		displayName: 'Image ID',
		name: 'recordId',
		type: 'string',
		default: '',
		description:
			'Optional ID sent with the image (Ximilar\'s record _id) and returned as _id; the back gets the ID followed by "-back"',
	},
	...asyncJobProperties(),
	...downloadProperties({ gradingEndpoint: ['crop_level'], resultMode: ['wait'] }, true),
	...outputProperties(JOB_OUTPUT, { resultMode: ['wait'] }),
	asyncOptions(),
];

export const description = updateDisplayOptions(showFor('image', 'gradeCard'), properties);

/** Item i as grading records: the front, and the back when asked, with Side hints (docs/ximilar-api.md, "Card grading"). */
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

/** Grade Card: one job per item (the grader takes the front and back of one card), then the result as the user chose. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const endpoint = this.getNodeParameter('gradingEndpoint', 0) as string;
	// Card condition takes a top-level mode (docs/ximilar-api.md §5); the other endpoints do not.
	const mode = endpoint === 'condition' ? textParameter(this.getNodeParameter('conditionMode', 0, '')) : '';
	return await runImageJobs(this, {
		type: CARD_GRADER_TYPE,
		endpoint,
		fields: mode ? { mode } : {},
		records: async (itemIndex) => await cardRecords(this, itemIndex),
		mayDownload: endpoint === 'crop_level',
		fileSuffix: 'cropped',
	});
}
