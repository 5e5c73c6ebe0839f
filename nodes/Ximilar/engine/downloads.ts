import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemFailure, Outcome } from '../failures/itemFailure';
import { resultImageUrl } from '../output/simplifyJobs';
import { textParameter } from '../records/jsonObject';
import { fetchResultImage } from './fetchImage';
import { runPool } from './workerPool';

/** File extensions of the picture types a download may bring (records/imageFormat.ts names them from the bytes). */
const EXTENSIONS: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'image/tiff': 'tiff',
	'image/bmp': 'bmp',
	'image/heic': 'heic',
	'image/heif': 'heif',
	'image/avif': 'avif',
	'image/jp2': 'jp2',
};

/** `card-7.png` + `upscaled` + image/png -> `card-7-upscaled.png`. */
export function resultFileName(baseName: string, suffix: string, mimeType: string): string {
	const stem = baseName.replace(/\.[a-z0-9]{1,5}$/i, '') || 'image';
	const ext = EXTENSIONS[mimeType] ?? 'bin';
	return `${stem}-${suffix}.${ext}`;
}

/** Whether the user asked for result images as files (Download Result Image), and into which binary field. */
export function readDownload(ctx: IExecuteFunctions): { property: string } | undefined {
	if (ctx.getNodeParameter('downloadResultImage', 0, false) !== true) return undefined;
	return { property: textParameter(ctx.getNodeParameter('resultBinaryProperty', 0, 'data')) || 'data' };
}

export interface DownloadSpec {
	/** The records of an item's result whose images are downloaded, one output each (a job's records, or the one recognized record). */
	recordsOf(result: IDataObject): IDataObject[];
	/** Binary property the image goes to on each output item. */
	property: string;
	/** Added to the input file's name: `upscaled`, `cropped`. */
	suffix: string;
	/** The input file's name for an item's image at a position (0 front, 1 back). */
	baseName(itemIndex: number, position: number): string;
	parallel: number;
	/** The most one download may take, from start to end. */
	timeoutMs: number;
	/** The largest file a download may bring (Max Download Size). */
	maxBytes: number;
	/** The execution's cancel signal: Stop ends the downloads in flight and starts no more. */
	signal?: AbortSignal;
}

/** Binary data per output: key `${itemIndex}:${position}`. */
export type DownloadedImages = Map<string, Record<string, IBinaryData>>;

/**
 * Downloads the result image of every record (URLs Ximilar keeps 24 h) into n8n binary
 * data, through n8n's HTTP helper, at most `parallel` at a time (fetchImage.ts: size cap,
 * whole-download deadline, type from the bytes). A failed download turns only its item
 * into a failure; the others keep their images.
 */
export async function downloadResultImages(
	ctx: IExecuteFunctions,
	outcomes: Array<Outcome | undefined>,
	spec: DownloadSpec,
): Promise<DownloadedImages> {
	const tasks: Array<{ itemIndex: number; position: number; url: string; jobId: string }> = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (!outcome || 'failure' in outcome) return;
		spec.recordsOf(outcome.record).forEach((record, position) => {
			const url = resultImageUrl(record);
			if (url) tasks.push({ itemIndex, position, url, jobId: String(outcome.record.jobId ?? '') });
		});
	});
	const failed = (itemIndex: number) => outcomes[itemIndex] !== undefined && 'failure' in (outcomes[itemIndex] as Outcome);
	const images: DownloadedImages = new Map();
	const ofJob = (task: (typeof tasks)[number]) => (task.jobId ? ` of job ${task.jobId}` : '');
	const fetchLater = (task: (typeof tasks)[number]) =>
		`the result stays at ${task.url} for 24 hours. Download it with an HTTP Request node${task.jobId ? ', or with Job > Get (Download Result Image)' : ''}.`;
	const stopped = (task: (typeof tasks)[number]): ItemFailure => ({
		kind: 'input',
		message: `stopped before the result image${ofJob(task)} was downloaded`,
		description: `Ximilar processed (and billed) the image; ${fetchLater(task)}`,
	});
	const finished = new Set<number>();
	await runPool(
		tasks.length,
		async (index) => {
			const task = tasks[index];
			finished.add(index);
			if (failed(task.itemIndex)) return;
			const fetched = await fetchResultImage(ctx, task.url, { maxBytes: spec.maxBytes, timeoutMs: spec.timeoutMs, signal: spec.signal });
			if ('stopped' in fetched) {
				outcomes[task.itemIndex] = { failure: stopped(task) };
				return;
			}
			if ('problem' in fetched) {
				const failure: ItemFailure = {
					kind: 'api',
					message: `Could not download the result image${ofJob(task)}: ${fetched.problem}`,
					description: `${fetched.fix ? `${fetched.fix} ` : ''}Ximilar processed (and billed) the image; ${fetchLater(task)}`,
				};
				outcomes[task.itemIndex] = { failure };
				return;
			}
			const fileName = resultFileName(spec.baseName(task.itemIndex, task.position), spec.suffix, fetched.mimeType);
			try {
				const binary = await ctx.helpers.prepareBinaryData(fetched.bytes, fileName, fetched.mimeType);
				images.set(`${task.itemIndex}:${task.position}`, { [spec.property]: binary });
			} catch (error) {
				// n8n's binary data store (disk, S3, database) refused it: only this item fails.
				const description = `Ximilar processed (and billed) the image; ${fetchLater(task)}`;
				outcomes[task.itemIndex] = { failure: { kind: 'api', message: `Could not store the result image${ofJob(task)}: ${(error as Error).message}`, description } };
			}
		},
		{ parallel: spec.parallel, signal: spec.signal },
	);
	// After Stop no download starts: an item left without its image says so rather than pass without it.
	tasks.forEach((task, index) => {
		if (!finished.has(index) && !failed(task.itemIndex)) outcomes[task.itemIndex] = { failure: stopped(task) };
	});
	// An item whose download failed keeps no image from its other side either.
	for (const key of [...images.keys()]) {
		if (failed(Number(key.split(':')[0]))) images.delete(key);
	}
	return images;
}
