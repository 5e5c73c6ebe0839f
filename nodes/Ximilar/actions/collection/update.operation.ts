import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { METADATA, RECORD_ID } from '../../description/collectionFields';
import { showFor, type OperationOption } from '../../description/operations';
import { BATCH_OPTIONS, optionsCollection, REQUEST_OPTIONS } from '../../description/requestOptions';
import { runUpkeep } from '../../engine/collectionUpkeep';
import { metadataRecord } from '../../records/recordFields';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update images in a collection',
	description: 'Change the metadata of images in a collection (the image itself stays)',
};

const properties: INodeProperties[] = [RECORD_ID, METADATA, optionsCollection([REQUEST_OPTIONS.adaptToRateLimits, REQUEST_OPTIONS.includeInputFields, ...BATCH_OPTIONS])];

export const description = updateDisplayOptions(showFor('collection', 'update'), properties);

/** Update: new metadata for records by `_id`, 10 per request. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runUpkeep(this, { operation: 'update', prepare: async (itemIndex) => metadataRecord(this, itemIndex) });
}
