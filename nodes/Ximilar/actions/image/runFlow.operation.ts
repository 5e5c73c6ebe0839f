import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { FLOW_MAX_RECORDS, FLOW_PROCESS_PATH } from '../../catalog/flows';
import { imageSourceProperties } from '../../description/imageSource';
import { showFor, type OperationOption } from '../../description/operations';
import { BATCH_OPTIONS, IMAGE_OPTIONS, optionsCollection, REQUEST_OPTIONS } from '../../description/requestOptions';
import { sharedSettingsNotice } from '../../description/sharedSettingsNotice';
import { SIMPLIFY_PARAMETER, simplifyChosen, simplifyProperty } from '../../description/simplify';
import { distinctRecordsFor, hintSharedResults } from '../../engine/batching/distinctRecords';
import { batchSender, RECORDS_IN_ORDER } from '../../engine/batching/senders';
import { runBatches } from '../../engine/batching/runBatches';
import { startRun } from '../../engine/run';
import { inputFailure, type ItemFailure } from '../../failures/itemFailure';
import { pairOutcomes } from '../../output/pairItems';
import { rawRecord, simplifyRecord } from '../../output/simplify';
import { itemParameter, sameForEveryItem } from '../../records/itemParameter';
import { textParameter } from '../../records/jsonObject';
import { andThen } from '../../records/maybeAsync';
import type { PreparedItem, RequestTarget } from '../../records/prepared';
import { prepareImageRecord } from '../../records/recordFields';
import { ReusedBuffers } from '../../records/reusedBuffers';

export const option: OperationOption = {
	name: 'Run Flow',
	value: 'runFlow',
	action: 'Run a flow on an image',
	description: 'Run one of your Ximilar Flows (your own models chained behind one endpoint): one result per input image',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Flow',
		name: 'flow',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The flow you built in the Ximilar App (Flows): its models run on every image',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchFlows', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '0a8c8186-aee8-47c8-9eaf-348103feb14d',
			},
		],
	},
	...imageSourceProperties(),
	sharedSettingsNotice('flowRequestNotice', 'Flow and Store Images are shared by a request; they'),
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		description: 'Optional ID sent as the record\'s _id and returned with the result, e.g. mapped from the SKU of the input item',
	},
	{
		displayName: 'Additional Record Fields',
		name: 'additionalFields',
		type: 'json',
		default: '{}',
		description: 'Extra fields for each record as a JSON object, returned with the result',
	},
	{
		displayName: 'Store Images',
		name: 'storeImages',
		type: 'boolean',
		default: false,
		description: 'Whether Ximilar keeps the images in your workspace (Ximilar\'s store_images); each result then carries its stored_image_id',
	},
	simplifyProperty('one flat row per image: the best label, every label and tag the flow\'s models gave, the objects found'),
	optionsCollection([REQUEST_OPTIONS.adaptToRateLimits, ...IMAGE_OPTIONS, REQUEST_OPTIONS.distinctImagesOnce, ...BATCH_OPTIONS]),
];

export const description = updateDisplayOptions(showFor('image', 'runFlow'), properties);

/** Item i's request: the flow's ID (read per item, so items of two flows go in separate requests) and `store_images`. */
function readTarget(ctx: IExecuteFunctions, itemIndex: number): RequestTarget | { failure: ItemFailure } {
	const flow = textParameter(itemParameter(ctx, 'flow', itemIndex, '', { extractValue: true }));
	if (!flow) return { failure: inputFailure('Flow is empty', 'Choose the flow from the list, or enter its ID (Ximilar App > Flows).') };
	const storeImages = itemParameter(ctx, 'storeImages', itemIndex, false) === true;
	const fields: IDataObject = { flow, ...(storeImages ? { store_images: true } : {}) };
	return { path: FLOW_PROCESS_PATH, fields, maxRecords: FLOW_MAX_RECORDS };
}

/**
 * Run Flow: `POST /flows/v2/process` with `{flow, records}` (docs/ximilar-api.md §12), the
 * items' images 10 per request like Recognize, one output per image, paired to its item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await startRun(this);
	if ('output' in run) return run.output;
	const { settings, connection } = run;
	const simplify = simplifyChosen(this.getNodeParameter(SIMPLIFY_PARAMETER, 0, true));
	const requestFields: IDataObject[] = [];
	const memory = new ReusedBuffers();
	const distinct = distinctRecordsFor(this, settings);
	const outcomes = await runBatches({
		itemCount: this.getInputData().length,
		prepare: (itemIndex) => {
			const target = sameForEveryItem(this, 'flowTarget', ['flow', 'storeImages'], () => readTarget(this, itemIndex));
			if ('failure' in target) return target;
			const spec = { fieldsParameter: 'additionalFields', fieldsLabel: 'Additional Record Fields', requireId: false, memory };
			return andThen(prepareImageRecord(this, itemIndex, spec), (prepared): PreparedItem => {
				if ('failure' in prepared) return prepared;
				requestFields[itemIndex] = target.fields ?? {};
				return { record: prepared.record, bytes: prepared.bytes, target };
			});
		},
		send: batchSender(this, connection, settings.policy, RECORDS_IN_ORDER, memory),
		limits: settings.limits,
		parallel: settings.parallel,
		pacer: settings.policy.pacer,
		stopOnFailure: !this.continueOnFail(),
		signal: connection.signal,
		distinct,
	});
	hintSharedResults(this, distinct);
	return pairOutcomes(this, outcomes, {
		shape: (record, itemIndex) => (simplify ? simplifyRecord('flow', record, requestFields[itemIndex]) : [rawRecord(record)]),
		includeBinary: settings.includeBinary,
	});
}
