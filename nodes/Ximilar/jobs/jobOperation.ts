import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import type { Outcome } from '../execution/runRecords';
import { readSettings } from '../execution/settings';
import { pairFailureForAll, pairOutcomes } from '../output/pairItems';
import { rawRecord } from '../output/simplify';
import { simplifyJobRecord } from '../output/simplifyJobs';
import { textParameter } from '../records/jsonObject';
import { getConnection } from '../transport/request';
import { recordFailureText } from './jobState';
import { downloadResultImages, type DownloadedImages } from './downloadImages';
import { inputFileName } from './inputFileName';
import { runJobs, type ResultMode } from './runJobs';

export interface ImageJobSpec {
	type: string;
	endpoint: string;
	/** Top-level job fields besides type, endpoint, records and webhook (e.g. the upscale mode). */
	fields: IDataObject;
	/** Item i's records (front, and back when given). */
	records(itemIndex: number): Promise<{ records: IDataObject[] } | { failure: ItemFailure }>;
	/** Whether this operation may download a result image (Upscale, Crop and Level). */
	mayDownload: boolean;
	/** Added to the input file name of a downloaded result image. */
	fileSuffix: string;
}

/** The webhook block of a job: Ximilar posts `{id, status, response}` there with these headers. */
function readWebhook(ctx: IExecuteFunctions): { webhook: IDataObject } | { failure: ItemFailure } {
	const endpoint = textParameter(ctx.getNodeParameter('webhookUrl', 0, ''));
	if (!/^https?:\/\/\S+$/i.test(endpoint)) {
		return {
			failure: inputFailure(
				endpoint ? `Webhook URL "${endpoint.slice(0, 100)}" is not an http(s) URL` : 'Webhook URL is empty',
				'Paste the production URL of a Ximilar Trigger node, or use {{ $execution.resumeUrl }} before a Wait node.',
			),
		};
	}
	const header = textParameter(ctx.getNodeParameter('webhookHeaderName', 0, ''));
	const secret = String(ctx.getNodeParameter('webhookSecret', 0, '') ?? '');
	return { webhook: { endpoint, ...(header && secret ? { headers: { [header]: secret } } : {}) } };
}

/** Output rows of one item: one per image, failed images (front or back alone) as rows with `error`. */
function jobRows(record: IDataObject, raw: boolean): IDataObject[] {
	const common = { jobId: record.jobId, jobStatus: record.status };
	const records = record.records as IDataObject[] | undefined;
	if (!records) return [{ ...record }];
	return records.map((entry) => {
		const failed = recordFailureText(entry);
		if (failed) return { ...common, _id: entry._id ?? null, error: `Ximilar could not process this image: ${failed}` };
		return { ...common, ...(raw ? rawRecord(entry) : simplifyJobRecord(entry)) };
	});
}

/** Pairs outcomes to outputs: one per image, with its downloaded result image when there is one. */
export function pairJobOutcomes(
	ctx: IExecuteFunctions,
	outcomes: Array<Outcome | undefined>,
	raw: boolean,
	includeBinary: boolean,
	images?: DownloadedImages,
): INodeExecutionData[] {
	return pairOutcomes(ctx, outcomes, {
		shape: (record) => jobRows(record, raw),
		includeBinary,
		binaryFor: images ? (itemIndex, position) => images.get(`${itemIndex}:${position}`) : undefined,
	});
}

/**
 * Grade Card and Upscale: one job per item (its images are within the service's per-job
 * limit), at most Parallel Requests jobs at once, then the result as the user chose.
 */
export async function runImageJobs(ctx: IExecuteFunctions, spec: ImageJobSpec): Promise<INodeExecutionData[]> {
	const read = readSettings(ctx);
	if ('failure' in read) return pairFailureForAll(ctx, read.failure);
	const { settings } = read;
	const mode = ctx.getNodeParameter('resultMode', 0, 'wait') as ResultMode;
	let webhook: IDataObject | undefined;
	if (mode === 'webhook') {
		const hook = readWebhook(ctx);
		if ('failure' in hook) return pairFailureForAll(ctx, hook.failure);
		webhook = hook.webhook;
	}
	const waitSeconds = Number(ctx.getNodeParameter('waitTimeout', 0, 300));
	if (mode === 'wait' && !(waitSeconds > 0)) {
		return pairFailureForAll(ctx, inputFailure(`Wait Timeout must be a positive number of seconds (got ${waitSeconds})`));
	}
	const connection = await getConnection(ctx);
	const outcomes = await runJobs(ctx, connection, {
		itemCount: ctx.getInputData().length,
		prepare: async (itemIndex) => {
			const built = await spec.records(itemIndex);
			if ('failure' in built) return built;
			return {
				body: { ...spec.fields, type: spec.type, endpoint: spec.endpoint, records: built.records, ...(webhook ? { webhook } : {}) },
			};
		},
		mode,
		parallel: settings.parallel,
		policy: settings.policy,
		waitMs: waitSeconds * 1000,
		stopOnFailure: !ctx.continueOnFail(),
		signal: connection.signal,
	});
	const download = mode === 'wait' && spec.mayDownload && ctx.getNodeParameter('downloadResultImage', 0, false) === true;
	const images = download
		? await downloadResultImages(ctx, outcomes, {
				property: textParameter(ctx.getNodeParameter('resultBinaryProperty', 0, 'data')) || 'data',
				suffix: spec.fileSuffix,
				baseName: (itemIndex, position) => inputFileName(ctx, itemIndex, position),
				parallel: settings.parallel,
				timeoutMs: settings.policy.timeoutMs,
			})
		: undefined;
	const raw = ctx.getNodeParameter('simplify', 0, true) === false;
	return pairJobOutcomes(ctx, outcomes, raw, settings.includeBinary, images);
}
