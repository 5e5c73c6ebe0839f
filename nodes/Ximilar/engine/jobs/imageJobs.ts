import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { JOB_ENDPOINT_HEADER, JOB_TYPE_HEADER, WAIT_TIMEOUT } from '../../description/asyncJob';
import { outputChosen } from '../../description/output';
import { inputFailure, type ItemFailure, type Outcome } from '../../failures/itemFailure';
import { jobRows } from '../../output/jobRows';
import { pairOutcomes } from '../../output/pairItems';
import { inputFileName } from '../../records/inputFileName';
import { textParameter } from '../../records/jsonObject';
import { checkNumber } from '../../records/numberParameter';
import { readWebhookSecret } from '../../records/webhookSecret';
import { downloadResultImages, readDownload, type DownloadedImages } from '../downloads';
import { startRun } from '../run';
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

/**
 * The webhook block of a job: Ximilar posts `{id, status, response}` to the URL with these
 * headers. The secret header comes from the Ximilar Webhook credential, never from a node
 * parameter (those are saved in the workflow JSON users export and share).
 */
async function readWebhook(ctx: IExecuteFunctions): Promise<{ webhook: IDataObject } | { failure: ItemFailure }> {
	const endpoint = textParameter(ctx.getNodeParameter('webhookUrl', 0, ''));
	if (!/^https?:\/\/\S+$/i.test(endpoint)) {
		return {
			failure: inputFailure(
				endpoint ? `Webhook URL "${endpoint.slice(0, 100)}" is not an http(s) URL` : 'Webhook URL is empty',
				'Paste the production URL of a Ximilar Trigger node, or use {{ $execution.resumeUrl }} before a Wait node.',
			),
		};
	}
	const secret = await readWebhookSecret(ctx);
	if ('problem' in secret) return { failure: inputFailure(secret.problem, secret.fix) };
	return { webhook: { endpoint, headers: { [secret.headerName]: secret.secret } } };
}

/** The webhook block with the job's type and endpoint as headers, which Ximilar sends back with the callback. */
function describedWebhook(webhook: IDataObject, type: string, endpoint: string): IDataObject {
	const headers = { ...(webhook.headers as IDataObject | undefined), [JOB_TYPE_HEADER]: type, [JOB_ENDPOINT_HEADER]: endpoint };
	return { ...webhook, headers };
}

/** The node-level settings of a job run besides the Options: result mode, webhook, wait timeout. */
async function readJobMode(ctx: IExecuteFunctions): Promise<{ mode: ResultMode; webhook?: IDataObject; waitMs: number } | { failure: ItemFailure }> {
	const mode = ctx.getNodeParameter('resultMode', 0, 'wait') as ResultMode;
	let webhook: IDataObject | undefined;
	if (mode === 'webhook') {
		const hook = await readWebhook(ctx);
		if ('failure' in hook) return hook;
		webhook = hook.webhook;
	}
	if (mode !== 'wait') return { mode, webhook, waitMs: 0 };
	const wait = checkNumber(WAIT_TIMEOUT, ctx.getNodeParameter(WAIT_TIMEOUT.name, 0, WAIT_TIMEOUT.default));
	if ('problem' in wait) return { failure: inputFailure(wait.problem, 'Set how many seconds to wait for each job, such as 300.') };
	return { mode, webhook, waitMs: wait.value * 1000 };
}

/**
 * Pairs job outcomes to outputs: a job with records gives one row per image (with its
 * downloaded result image when there is one); a job only submitted gives its summary.
 */
export function pairJobOutcomes(
	ctx: IExecuteFunctions,
	outcomes: Array<Outcome | undefined>,
	options: { includeBinary: boolean; images?: DownloadedImages; billed?: boolean },
): INodeExecutionData[] {
	const output = outputChosen((name, fallback) => ctx.getNodeParameter(name, 0, fallback));
	const { images } = options;
	return pairOutcomes(ctx, outcomes, {
		shape: (job) => {
			const records = job.records as IDataObject[] | undefined;
			if (!records) return [{ ...job }];
			const kind = { type: job.type, endpoint: job.endpoint, flags: job.flags as IDataObject | undefined };
			return jobRows({ jobId: job.jobId, jobStatus: job.status }, records, output, kind);
		},
		includeBinary: options.includeBinary,
		billed: options.billed ? 'job' : undefined,
		binaryFor: images ? (itemIndex, position) => images.get(`${itemIndex}:${position}`) : undefined,
	});
}

/**
 * Grade Card and Upscale: one job per item (its images are within the service's per-job
 * limit), at most Parallel Requests jobs at once, then the result as the user chose.
 */
export async function runImageJobs(ctx: IExecuteFunctions, spec: ImageJobSpec): Promise<INodeExecutionData[]> {
	const run = await startRun(ctx, async () => await readJobMode(ctx));
	if ('output' in run) return run.output;
	const { settings, connection, mode, webhook, waitMs } = run;
	const outcomes = await runJobs(ctx, connection, {
		itemCount: ctx.getInputData().length,
		prepare: async (itemIndex) => {
			const built = await spec.records(itemIndex);
			if ('failure' in built) return built;
			return {
				body: {
					...spec.fields,
					type: spec.type,
					endpoint: spec.endpoint,
					records: built.records,
					...(webhook ? { webhook: describedWebhook(webhook, spec.type, spec.endpoint) } : {}),
				},
			};
		},
		mode,
		parallel: settings.parallel,
		policy: settings.policy,
		waitMs,
		stopOnFailure: !ctx.continueOnFail(),
		signal: connection.signal,
	});
	const download = mode === 'wait' && spec.mayDownload ? readDownload(ctx) : undefined;
	const images = download
		? await downloadResultImages(ctx, outcomes, {
				recordsOf: (job) => (job.records as IDataObject[] | undefined) ?? [],
				property: download.property,
				suffix: spec.fileSuffix,
				baseName: (itemIndex, position) => inputFileName(ctx, itemIndex, position),
				parallel: settings.parallel,
				timeoutMs: settings.policy.timeoutMs,
				maxBytes: settings.maxDownloadBytes,
				signal: connection.signal,
			})
		: undefined;
	return pairJobOutcomes(ctx, outcomes, { includeBinary: settings.includeBinary, images, billed: true });
}
