import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findService, recordLimit, type RecognitionService } from '../../catalog/services';
import { inputFailure, type ItemFailure } from '../../execution/failures';
import { runRecordJob } from '../../execution/runRecords';
import { recordsSender } from '../../execution/sendRecords';
import { readSettings } from '../../execution/settings';
import { agentRow, isToolCall } from '../../output/agentAnswer';
import { pairFailureForAll, pairOutcomes } from '../../output/pairItems';
import { rawRecord, simplifyRecord } from '../../output/simplify';
import { parseJsonObject, textParameter } from '../../records/jsonObject';
import { prepareImageRecord } from '../../records/recordFields';
import { addRecordOptions, splitServiceOptions, type RecordOptions } from '../../records/serviceFields';
import { getConnection } from '../../transport/request';

interface RecognizeRequest {
	service: RecognitionService;
	path: string;
	/** Top-level body fields sent with every batch: the service options, the task. */
	fields: IDataObject;
	/** Options Ximilar reads from each record or its first object (background flags, card alphabet). */
	recordOptions: RecordOptions;
	/** Most records per request with the chosen options. */
	maxRecords: number;
}

/** Service, path and options are node-level (read from the first item): every batch shares them. */
function readRequest(ctx: IExecuteFunctions): { request: RecognizeRequest } | { failure: ItemFailure } {
	const value = ctx.getNodeParameter('service', 0) as string;
	const service = findService(value);
	if (!service) return { failure: inputFailure(`unknown service "${value}"`) };
	let path = service.path;
	if (service.value === 'custom') {
		path = textParameter(ctx.getNodeParameter('endpointPath', 0, ''));
		if (!path) return { failure: inputFailure('Endpoint Path is empty', 'Enter a path such as /collectibles/v2/tcg_id.') };
		if (/^https?:\/\//i.test(path)) {
			return { failure: inputFailure('Endpoint Path must be a path, not a full URL', 'The API URL comes from the credential; enter only the part after it.') };
		}
		if (!path.startsWith('/')) path = `/${path}`;
	}
	const extra = parseJsonObject(
		(ctx.getNodeParameter('options', 0, {}) as IDataObject).additionalRequestFields,
		'Additional Request Fields',
	);
	if ('problem' in extra) return { failure: inputFailure(extra.problem) };
	const chosen = ctx.getNodeParameter('serviceOptions', 0, {}) as IDataObject;
	const split = splitServiceOptions(service, chosen);
	const fields: IDataObject = { ...service.fixedFields, ...extra.value, ...split.request };
	if (service.needsTask) {
		const task = textParameter(ctx.getNodeParameter('task', 0, ''));
		if (!task) {
			return { failure: inputFailure('Task ID is empty', `${service.name} needs the ID of the task you trained in the Ximilar App.`) };
		}
		fields.task = task;
	}
	delete fields.records;
	return { request: { service, path, fields, recordOptions: split.records, maxRecords: recordLimit(service, chosen) } };
}

/** Per item: OCR with GPT answers the item's own prompt (sent in its record). */
function readPrompt(ctx: IExecuteFunctions, itemIndex: number): string {
	return textParameter(ctx.getNodeParameter('prompt', itemIndex, ''));
}

function readSetup(ctx: IExecuteFunctions) {
	const read = readSettings(ctx);
	if ('failure' in read) return read;
	const request = readRequest(ctx);
	if ('failure' in request) return request;
	return { settings: read.settings, ...request.request };
}

export async function recognize(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const setup = readSetup(this);
	if ('failure' in setup) return pairFailureForAll(this, setup.failure);
	const { settings, service, path, fields, recordOptions } = setup;
	const simplify = this.getNodeParameter('simplify', 0, true) !== false;

	const outcomes = await runRecordJob({
		itemCount,
		prepare: async (itemIndex) =>
			addRecordOptions(
				await prepareImageRecord(this, itemIndex, {
					fieldsParameter: 'additionalFields',
					fieldsLabel: 'Additional Record Fields',
					requireId: false,
				}),
				service.needsPrompt ? { ...recordOptions, record: { ...recordOptions.record, prompt: readPrompt(this, itemIndex) } } : recordOptions,
			),
		send: recordsSender(this, await getConnection(this), path, settings.policy, fields),
		limits: { ...settings.limits, maxRecords: Math.min(settings.limits.maxRecords, setup.maxRecords) },
		parallel: settings.parallel,
		stopOnFailure: !this.continueOnFail(),
	});
	const forAgent = simplify && isToolCall(this);
	// An agent gets the `_id` only when one was sent: Ximilar makes one up otherwise.
	const sentId = (itemIndex: number) => textParameter(this.getNodeParameter('recordId', itemIndex, '')) !== '';
	return pairOutcomes(this, outcomes, {
		shape: (record, itemIndex) => {
			if (!simplify) return [rawRecord(record)];
			const rows = simplifyRecord(service.summary, record, fields);
			return forAgent ? rows.map((row) => agentRow(row, record, sentId(itemIndex))) : rows;
		},
		includeBinary: settings.includeBinary,
	});
}
