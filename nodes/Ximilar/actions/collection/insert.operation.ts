import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { METADATA, RECORD_ID } from '../../description/collectionFields';
import { imageSourceProperties } from '../../description/imageSource';
import { showFor, type OperationOption } from '../../description/operations';
import { BATCH_OPTIONS, IMAGE_OPTIONS, optionsCollection, REQUEST_OPTIONS } from '../../description/requestOptions';
import { runUpkeep } from '../../engine/collectionUpkeep';
import { prepareImageRecord } from '../../records/recordFields';

export const option: OperationOption = {
	name: 'Insert',
	value: 'insert',
	action: 'Insert images into a collection',
	description: 'Add images with an ID and metadata, so that they can be found by search',
};

const properties: INodeProperties[] = [
	RECORD_ID,
	...imageSourceProperties(),
	METADATA,
	optionsCollection([REQUEST_OPTIONS.adaptToRateLimits, ...IMAGE_OPTIONS, ...BATCH_OPTIONS]),
];

export const description = updateDisplayOptions(showFor('collection', 'insert'), properties);

/** Insert: each item's image with its `_id` and metadata, 10 per request. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runUpkeep(this, {
		operation: 'insert',
		prepare: async (itemIndex, memory) =>
			await prepareImageRecord(this, itemIndex, { fieldsParameter: 'metadata', fieldsLabel: 'Metadata', requireId: true, memory }),
	});
}
