import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { FLOW_MAX_RECORDS, FLOW_PROCESS_PATH } from '../../catalog/flows';
import { ADDITIONAL_IMAGE_FIELDS, IMAGE_ID } from '../../description/imageFields';
import { imageSourceProperties } from '../../description/imageSource';
import { movedParameter, movedParameterPath } from '../../description/movedParameters';
import { showFor, type OperationOption } from '../../description/operations';
import { outputChosen, outputProperties } from '../../description/output';
import { BATCH_OPTIONS, IMAGE_OPTIONS, optionsCollection, REQUEST_OPTIONS } from '../../description/requestOptions';
import { sharedSettingsNotice } from '../../description/sharedSettingsNotice';
import { distinctRecordsFor, hintSharedResults } from '../../engine/batching/distinctRecords';
import { batchSender, RECORDS_IN_ORDER } from '../../engine/batching/senders';
import { runBatches } from '../../engine/batching/runBatches';
import { startRun } from '../../engine/run';
import { inputFailure, type ItemFailure } from '../../failures/itemFailure';
import { pairOutcomes } from '../../output/pairItems';
import { shapeRecord } from '../../output/simplify';
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

const STORE_IMAGES: INodeProperties = {
	displayName: 'Store Images',
	name: 'storeImages',
	type: 'boolean',
	default: false,
	description: 'Whether Ximilar keeps the images in your workspace (Ximilar\'s store_images); each result then carries its stored_image_id',
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
	IMAGE_ID,
	...outputProperties({
		simplified: 'best label, probability, labels, tags, tag map, objects, object count, stored image ID and _id',
		allColumns: 'also the best label of each task by its name (label_map), _url and status_code',
	}),
	sharedSettingsNotice('flowRequestNotice', 'Flow or Store Images'),
	movedParameter(ADDITIONAL_IMAGE_FIELDS.name, '{}'),
	movedParameter(STORE_IMAGES.name, false),
	optionsCollection([ADDITIONAL_IMAGE_FIELDS, STORE_IMAGES, REQUEST_OPTIONS.adaptToRateLimits, ...IMAGE_OPTIONS, REQUEST_OPTIONS.distinctImagesOnce, ...BATCH_OPTIONS]),
];

export const description = updateDisplayOptions(showFor('image', 'runFlow'), properties);

/** Item i's request: the flow's ID (read per item, so items of two flows go in separate requests) and `store_images`. */
function readTarget(ctx: IExecuteFunctions, itemIndex: number): RequestTarget | { failure: ItemFailure } {
	const flow = textParameter(itemParameter(ctx, 'flow', itemIndex, '', { extractValue: true }));
	if (!flow) return { failure: inputFailure('Flow is empty', 'Choose the flow from the list, or enter its ID (Ximilar App > Flows).') };
	const storeImages = itemParameter(ctx, movedParameterPath(ctx, STORE_IMAGES.name), itemIndex, false) === true;
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
	const output = outputChosen((name, fallback) => this.getNodeParameter(name, 0, fallback));
	const fieldsParameter = movedParameterPath(this, ADDITIONAL_IMAGE_FIELDS.name);
	const requestFields: IDataObject[] = [];
	const memory = new ReusedBuffers();
	const distinct = distinctRecordsFor(this, settings);
	// What readTarget reads per item: when none holds an expression, every item has the same target.
	const targetParameters = ['flow', movedParameterPath(this, STORE_IMAGES.name)];
	const outcomes = await runBatches({
		itemCount: this.getInputData().length,
		prepare: (itemIndex) => {
			const target = sameForEveryItem(this, 'flowTarget', targetParameters, () => readTarget(this, itemIndex));
			if ('failure' in target) return target;
			const spec = { fieldsParameter, fieldsLabel: ADDITIONAL_IMAGE_FIELDS.displayName, requireId: false, memory };
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
		shape: (record, itemIndex) => shapeRecord('flow', record, requestFields[itemIndex], output),
		includeBinary: settings.includeBinary,
		billed: 'image',
		// Which item a result is shared with goes in All Columns and Raw, not in the compact Simplified rows.
		sharedResultField: output !== 'simplified',
	});
}
