import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { RECORD_ID } from '../../description/collectionFields';
import { showFor, type OperationOption } from '../../description/operations';
import { BATCH_OPTIONS, optionsCollection, REQUEST_OPTIONS } from '../../description/requestOptions';
import { runUpkeep } from '../../engine/collectionUpkeep';
import { idOnlyRecord } from '../../records/recordFields';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete images from a collection',
	description: 'Remove images from a collection by their ID',
};

const properties: INodeProperties[] = [RECORD_ID, optionsCollection([REQUEST_OPTIONS.adaptToRateLimits, REQUEST_OPTIONS.includeInputFields, ...BATCH_OPTIONS])];

export const description = updateDisplayOptions(showFor('collection', 'delete'), properties);

/** Delete: records by `_id`, 10 per request. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runUpkeep(this, { operation: 'delete', prepare: async (itemIndex) => idOnlyRecord(this, itemIndex) });
}
