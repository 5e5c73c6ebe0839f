import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { SERVICE_OPTIONS, type ServiceOptionKey } from '../../catalog/serviceOptions';
import { findService, RECOGNITION_SERVICES, recordLimit, type RecognitionService } from '../../catalog/services';
import { downloadProperties } from '../../description/asyncJob';
import { byName } from '../../description/byName';
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
import { downloadResultImages, readDownload } from '../../engine/downloads';
import { startRun } from '../../engine/run';
import { inputFailure, type ItemFailure } from '../../failures/itemFailure';
import { agentRow, isToolCall } from '../../output/agentAnswer';
import { pairOutcomes } from '../../output/pairItems';
import { hasSimplifiedFields } from '../../output/simplified';
import { shapeRecord } from '../../output/simplify';
import { inputFileName } from '../../records/inputFileName';
import { itemParameter, sameForEveryItem } from '../../records/itemParameter';
import { parseJsonObject, textParameter } from '../../records/jsonObject';
import { andThen } from '../../records/maybeAsync';
import type { PreparedItem, RequestTarget } from '../../records/prepared';
import { prepareImageRecord } from '../../records/recordFields';
import { ReusedBuffers } from '../../records/reusedBuffers';
import { addRecordOptions, splitServiceOptions, type RecordOptions } from '../../records/serviceFields';

export const option: OperationOption = {
	name: 'Recognize',
	value: 'recognize',
	action: 'Recognize an image',
	description: 'Identify cards and comics, tag fashion and home decor, classify or detect objects: one result per input image',
};

const servicesWith = (predicate: (service: RecognitionService) => boolean) =>
	RECOGNITION_SERVICES.filter(predicate).map((service) => service.value);

/** One entry per option key, shown only for the services whose catalog entry lists it. */
const serviceOptionFields: INodeProperties[] = (Object.keys(SERVICE_OPTIONS) as ServiceOptionKey[])
	.map((key) => ({
		...SERVICE_OPTIONS[key].property,
		name: key,
		displayOptions: { show: { '/service': servicesWith((service) => service.options.includes(key)) } },
	}))
	.sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Card services offer prices: their Service Options say so on the button a user looks for. */
const offersPrices = (service: RecognitionService) => service.options.includes('pricing') || service.options.includes('priceStats');

/** The Service Options collection, with the button's text for these services. */
function serviceOptions(placeholder: string, services: string[]): INodeProperties {
	return {
		displayName: 'Service Options',
		name: 'serviceOptions',
		type: 'collection',
		placeholder,
		default: {},
		displayOptions: { show: { service: services } },
		options: serviceOptionFields,
	};
}

/** Services whose rows are wider than a simplified row: Simplified, All Columns or Raw. The others: Simplified or Raw. */
const wideRows = servicesWith((service) => service.summary !== 'raw' && hasSimplifiedFields(service.summary));
const narrowRows = servicesWith((service) => service.summary !== 'raw' && !hasSimplifiedFields(service.summary));

const properties: INodeProperties[] = [
	{
		displayName: 'Service',
		name: 'service',
		type: 'options',
		noDataExpression: true,
		options: byName(RECOGNITION_SERVICES.map(({ name, value, description }) => ({ name, value, description }))),
		default: 'tcgId',
		description: 'Which Ximilar service recognizes the images',
	},
	{
		displayName: 'Endpoint Path',
		name: 'endpointPath',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/collectibles/v2/tcg_id',
		description: 'Path of a Ximilar endpoint that takes images ("records"), below the API URL of the credential',
		displayOptions: { show: { service: ['custom'] } },
	},
	{
		displayName: 'Task',
		name: 'task',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The task you trained in the Ximilar App (Custom Image Recognition / Object Detection)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '0a8c8186-aee8-47c8-9eaf-348103feb14d',
			},
		],
		displayOptions: { show: { service: servicesWith((service) => service.needsTask === true) } },
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. Return the invoice number and the total amount',
		description: 'What GPT should answer about the text read from each image; may differ per item',
		displayOptions: { show: { service: servicesWith((service) => service.needsPrompt === true) } },
	},
	...imageSourceProperties(),
	IMAGE_ID,
	...downloadProperties({ service: servicesWith((service) => service.summary === 'removeBackground') }),
	{
		displayName:
			'Ximilar documents price statistics (price_stats) only for Trading Card, Sport Card and Comics Identification, so this service offers listings (Include Prices) but no price statistics',
		name: 'priceStatsNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { service: servicesWith((service) => service.options.includes('pricing') && !service.options.includes('priceStats')) },
		},
	},
	serviceOptions('Add Prices or Another Option', servicesWith(offersPrices)),
	serviceOptions('Add Service Option', servicesWith((service) => service.options.length > 0 && !offersPrices(service))),
	...outputProperties(
		{
			simplified: 'name, set, card number, year, confidence, price, currency, link and _id (slab services lead with the slab\'s company, grade and certificate)',
			allColumns: 'every column the service gives (prices in detail, category, slab, distance, alternatives, ...), per card with Analyze All Cards',
		},
		{ service: wideRows },
	),
	...outputProperties({ allColumns: 'the main results first (tags, labels, colors, text, ...), then _id and status_code' }, { service: narrowRows }),
	sharedSettingsNotice('recognizeRequestNotice', 'Endpoint Path, Task, Service Options or Additional Request Fields'),
	movedParameter(ADDITIONAL_IMAGE_FIELDS.name, '{}'),
	optionsCollection([
		ADDITIONAL_IMAGE_FIELDS,
		REQUEST_OPTIONS.adaptToRateLimits,
		{
			displayName: 'Additional Request Fields',
			name: 'additionalRequestFields',
			type: 'json',
			default: '{}',
			description: 'Extra top-level fields for the request body as a JSON object, for service options this node does not list yet',
		},
		...IMAGE_OPTIONS,
		REQUEST_OPTIONS.maxDownloadSizeMb,
		REQUEST_OPTIONS.distinctImagesOnce,
		...BATCH_OPTIONS,
	]),
];

export const description = updateDisplayOptions(showFor('image', 'recognize'), properties);

/** Service is node-level (it shapes the UI); path, task and options are read per item. */
function readService(ctx: IExecuteFunctions): { service: RecognitionService } | { failure: ItemFailure } {
	const value = ctx.getNodeParameter('service', 0) as string;
	const service = findService(value);
	return service ? { service } : { failure: inputFailure(`unknown service "${value}"`) };
}

function readPath(ctx: IExecuteFunctions, itemIndex: number, service: RecognitionService): string | { failure: ItemFailure } {
	if (service.value !== 'custom') return service.path;
	const path = textParameter(itemParameter(ctx, 'endpointPath', itemIndex, ''));
	if (!path) return { failure: inputFailure('Endpoint Path is empty', 'Enter a path such as /collectibles/v2/tcg_id.') };
	if (/^https?:\/\//i.test(path)) {
		return {
			failure: inputFailure(
				'Endpoint Path must be a path, not a full URL',
				'The API URL comes from the credential; enter only the part after it.',
			),
		};
	}
	return path.startsWith('/') ? path : `/${path}`;
}

/** Per item: OCR with GPT answers the item's own prompt (sent in its record). */
function readPrompt(ctx: IExecuteFunctions, itemIndex: number): string {
	return textParameter(itemParameter(ctx, 'prompt', itemIndex, ''));
}

/**
 * Item i's request target: path, and the top-level fields its request carries (service
 * options, task, additional request fields). Items whose targets differ go in separate requests.
 */
function readTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	service: RecognitionService,
): { target: RequestTarget; recordOptions: RecordOptions } | { failure: ItemFailure } {
	const path = readPath(ctx, itemIndex, service);
	if (typeof path !== 'string') return path;
	const extra = parseJsonObject(itemParameter(ctx, 'options.additionalRequestFields', itemIndex, '{}'), 'Additional Request Fields');
	if ('problem' in extra) return { failure: inputFailure(extra.problem) };
	const chosen = itemParameter(ctx, 'serviceOptions', itemIndex, {}) as IDataObject;
	const split = splitServiceOptions(service, chosen);
	if ('failure' in split) return split;
	const fields: IDataObject = { ...service.fixedFields, ...extra.value, ...split.request };
	if (service.needsTask) {
		const task = textParameter(itemParameter(ctx, 'task', itemIndex, '', { extractValue: true }));
		if (!task) {
			return {
				failure: inputFailure('Task is empty', `${service.name} needs the task you trained in the Ximilar App: choose it from the list, or enter its ID.`),
			};
		}
		fields.task = task;
	}
	delete fields.records;
	const recordOptions = service.needsPrompt
		? { ...split.records, record: { ...split.records.record, prompt: readPrompt(ctx, itemIndex) } }
		: split.records;
	return { target: { path, fields, maxRecords: recordLimit(service, chosen) }, recordOptions };
}

/** What readTarget reads per item: when none holds an expression, every item has the same target. */
const TARGET_PARAMETERS = ['endpointPath', 'options.additionalRequestFields', 'serviceOptions', 'task', 'prompt'];

/** Recognize: every item's image through one service, 10 records per request, one result per image. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = await startRun(this, () => readService(this));
	if ('output' in run) return run.output;
	const { settings, connection, service } = run;
	const output = outputChosen((name, fallback) => this.getNodeParameter(name, 0, fallback));
	const fieldsParameter = movedParameterPath(this, ADDITIONAL_IMAGE_FIELDS.name);
	// The request fields of each item's target, which shape its simplified output.
	const requestFields: IDataObject[] = [];
	const memory = new ReusedBuffers();
	const distinct = distinctRecordsFor(this, settings);
	const spec = { fieldsParameter, fieldsLabel: ADDITIONAL_IMAGE_FIELDS.displayName, requireId: false, memory };

	const outcomes = await runBatches({
		itemCount: this.getInputData().length,
		prepare: (itemIndex) => {
			const target = sameForEveryItem(this, 'recognizeTarget', TARGET_PARAMETERS, () => readTarget(this, itemIndex, service));
			if ('failure' in target) return target;
			// At once for a URL: an await per item cost more than the rest of the node's work on it.
			return andThen(prepareImageRecord(this, itemIndex, spec), (record): PreparedItem => {
				const prepared = addRecordOptions(record, target.recordOptions);
				if ('failure' in prepared) return prepared;
				requestFields[itemIndex] = target.target.fields ?? {};
				return { record: prepared.record, bytes: prepared.bytes, target: target.target };
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
	// An agent's Simplified answer is the compact row made from all the columns.
	const forAgent = output === 'simplified' && isToolCall(this);
	// An agent gets the `_id` only when one was sent: Ximilar makes one up otherwise.
	const sentId = (itemIndex: number) => textParameter(itemParameter(this, 'recordId', itemIndex, '')) !== '';
	// Background removal returns image URLs (kept 24 h): on request each becomes a file, named after the input file.
	const download = service.summary === 'removeBackground' ? readDownload(this) : undefined;
	const images = download
		? await downloadResultImages(this, outcomes, {
				recordsOf: (record) => [record],
				property: download.property,
				suffix: 'no-background',
				baseName: (itemIndex) => inputFileName(this, itemIndex, 0),
				parallel: settings.parallel,
				timeoutMs: settings.policy.timeoutMs,
				maxBytes: settings.maxDownloadBytes,
				signal: connection.signal,
			})
		: undefined;
	return pairOutcomes(this, outcomes, {
		shape: (record, itemIndex) => {
			if (!forAgent) return shapeRecord(service.summary, record, requestFields[itemIndex], output);
			const rows = shapeRecord(service.summary, record, requestFields[itemIndex], 'allColumns');
			return rows.map((row) => agentRow(row, record, sentId(itemIndex)));
		},
		billed: 'image',
		// Which item a result is shared with goes in All Columns and Raw, not in the compact Simplified rows.
		sharedResultField: output !== 'simplified',
		includeBinary: settings.includeBinary,
		binaryFor: images ? (itemIndex, position) => images.get(`${itemIndex}:${position}`) : undefined,
	});
}
