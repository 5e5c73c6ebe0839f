import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findService, recordLimit, type RecognitionService } from '../../catalog/services';
import { inputFailure, type ItemFailure } from '../../failures/itemFailure';
import type { RequestTarget } from '../../execution/batches';
import { runRecordJob } from '../../execution/runRecords';
import { ReusedBuffers } from '../../execution/reusedBuffers';
import { recordsSender } from '../../execution/sendRecords';
import { readSettings } from '../../execution/settings';
import { agentRow, isToolCall } from '../../output/agentAnswer';
import { pairFailureForAll, pairOutcomes } from '../../output/pairItems';
import { rawRecord, simplifyRecord } from '../../output/simplify';
import { parseJsonObject, textParameter } from '../../records/jsonObject';
import { prepareImageRecord } from '../../records/recordFields';
import { addRecordOptions, splitServiceOptions, type RecordOptions } from '../../records/serviceFields';
import { getConnection } from '../../transport/request';
import { itemParameter } from '../../records/itemParameter';
import { downloadRecognizedImages } from './recognizedImages';

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
	const extra = parseJsonObject(
		itemParameter(ctx, 'options.additionalRequestFields', itemIndex, '{}'),
		'Additional Request Fields',
	);
	if ('problem' in extra) return { failure: inputFailure(extra.problem) };
	const chosen = itemParameter(ctx, 'serviceOptions', itemIndex, {}) as IDataObject;
	const split = splitServiceOptions(service, chosen);
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

/** Per item: OCR with GPT answers the item's own prompt (sent in its record). */
function readPrompt(ctx: IExecuteFunctions, itemIndex: number): string {
	return textParameter(itemParameter(ctx, 'prompt', itemIndex, ''));
}

export async function recognize(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const read = readSettings(this);
	if ('failure' in read) return pairFailureForAll(this, read.failure);
	const chosen = readService(this);
	if ('failure' in chosen) return pairFailureForAll(this, chosen.failure);
	const { settings } = read;
	const { service } = chosen;
	const simplify = this.getNodeParameter('simplify', 0, true) !== false;
	const connection = await getConnection(this);
	// The request fields of each item's target, which shape its simplified output.
	const requestFields: IDataObject[] = [];
	const memory = new ReusedBuffers();

	const outcomes = await runRecordJob({
		itemCount,
		prepare: async (itemIndex) => {
			const target = readTarget(this, itemIndex, service);
			if ('failure' in target) return target;
			const prepared = addRecordOptions(
				await prepareImageRecord(this, itemIndex, {
					fieldsParameter: 'additionalFields',
					fieldsLabel: 'Additional Record Fields',
					requireId: false,
					memory,
				}),
				target.recordOptions,
			);
			if ('failure' in prepared) return prepared;
			requestFields[itemIndex] = target.target.fields ?? {};
			return { ...prepared, target: target.target };
		},
		send: recordsSender(this, connection, settings.policy, memory),
		limits: settings.limits,
		parallel: settings.parallel,
		pacer: settings.policy.pacer,
		stopOnFailure: !this.continueOnFail(),
		signal: connection.signal,
	});
	const forAgent = simplify && isToolCall(this);
	// An agent gets the `_id` only when one was sent: Ximilar makes one up otherwise.
	const sentId = (itemIndex: number) => textParameter(itemParameter(this, 'recordId', itemIndex, '')) !== '';
	const images = service.summary === 'removeBackground' ? await downloadRecognizedImages(this, outcomes, settings) : undefined;
	return pairOutcomes(this, outcomes, {
		shape: (record, itemIndex) => {
			if (!simplify) return [rawRecord(record)];
			const rows = simplifyRecord(service.summary, record, requestFields[itemIndex]);
			return forAgent ? rows.map((row) => agentRow(row, record, sentId(itemIndex))) : rows;
		},
		includeBinary: settings.includeBinary,
		binaryFor: images ? (itemIndex, position) => images.get(`${itemIndex}:${position}`) : undefined,
	});
}
