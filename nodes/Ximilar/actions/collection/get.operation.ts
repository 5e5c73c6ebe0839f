import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { FIELDS_TO_RETURN, RECORD_ID } from '../../description/collectionFields';
import { showFor, type OperationOption } from '../../description/operations';
import { BATCH_OPTIONS, optionsCollection, REQUEST_OPTIONS } from '../../description/requestOptions';
import { runUpkeep } from '../../engine/collectionUpkeep';
import { itemParameter } from '../../records/itemParameter';
import { fieldList } from '../../records/jsonObject';
import { idOnlyRecord } from '../../records/recordFields';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get images from a collection',
	description: 'Read the stored fields of images in a collection by their ID',
};

const properties: INodeProperties[] = [RECORD_ID, FIELDS_TO_RETURN, optionsCollection([REQUEST_OPTIONS.adaptToRateLimits, REQUEST_OPTIONS.includeInputFields, ...BATCH_OPTIONS])];

export const description = updateDisplayOptions(showFor('collection', 'get'), properties);

/** Get: records by `_id`, 10 per request, each with the item's Fields to Return. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runUpkeep(this, {
		operation: 'get',
		prepare: async (itemIndex) => idOnlyRecord(this, itemIndex),
		requestFields: (itemIndex) => ({ fields_to_return: fieldList(itemParameter(this, 'fieldsToReturn', itemIndex, '_id')) }),
	});
}
