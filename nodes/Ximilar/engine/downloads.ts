import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemFailure, Outcome } from '../failures/itemFailure';
import { resultImageUrl } from '../output/simplifyJobs';
import { textParameter } from '../records/jsonObject';
import { runPool } from './workerPool';

const EXTENSIONS: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'image/tiff': 'tiff',
	'image/bmp': 'bmp',
};

const MIME_BY_EXTENSION: Record<string, string> = Object.fromEntries(
	Object.entries(EXTENSIONS).map(([mime, ext]) => [ext, mime]),
);

/** The MIME type of a downloaded image: the server's Content-Type, else the URL's extension. */
export function imageMimeType(contentType: unknown, url: string): string {
	const header = (Array.isArray(contentType) ? contentType[0] : contentType) as string | undefined;
	const type = typeof header === 'string' ? header.split(';')[0].trim().toLowerCase() : '';
	if (type.startsWith('image/')) return type;
	const ext = /\.([a-z0-9]+)(?:$|\?)/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
	return (ext && MIME_BY_EXTENSION[ext === 'jpeg' ? 'jpg' : ext]) || 'application/octet-stream';
}

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
	timeoutMs: number;
}

/** Binary data per output: key `${itemIndex}:${position}`. */
export type DownloadedImages = Map<string, Record<string, IBinaryData>>;

/**
 * Downloads the result image of every record (URLs Ximilar keeps 24 h) into n8n binary
 * data, through n8n's HTTP helper, at most `parallel` at a time. A failed download turns
 * only its item into a failure; the others keep their images.
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
	await runPool(
		tasks.length,
		async (index) => {
			const task = tasks[index];
			if (failed(task.itemIndex)) return;
			try {
				const response = (await ctx.helpers.httpRequest({
					method: 'GET',
					url: task.url,
					encoding: 'arraybuffer',
					returnFullResponse: true,
					timeout: spec.timeoutMs,
				})) as { body: Buffer | ArrayBuffer; headers: IDataObject };
				const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
				const mimeType = imageMimeType(response.headers?.['content-type'], task.url);
				const fileName = resultFileName(spec.baseName(task.itemIndex, task.position), spec.suffix, mimeType);
				const binary = await ctx.helpers.prepareBinaryData(bytes, fileName, mimeType);
				images.set(`${task.itemIndex}:${task.position}`, { [spec.property]: binary });
			} catch (error) {
				const failure: ItemFailure = {
					kind: 'api',
					message: `Could not download the result image${task.jobId ? ` of job ${task.jobId}` : ''}: ${(error as Error).message}`,
					description: `Ximilar processed (and billed) the image; the result stays at ${task.url} for 24 hours. Download it with an HTTP Request node${task.jobId ? ', or with Job > Get (Download Result Image)' : ''}.`,
				};
				outcomes[task.itemIndex] = { failure };
			}
		},
		{ parallel: spec.parallel },
	);
	// An item whose download failed keeps no image from its other side either.
	for (const key of [...images.keys()]) {
		if (failed(Number(key.split(':')[0]))) images.delete(key);
	}
	return images;
}
