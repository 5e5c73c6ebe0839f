import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';
import type { Outcome } from '../execution/runRecords';
import { resultImageUrl } from '../output/simplifyJobs';

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

export interface DownloadSpec {
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
		const records = (outcome.record.records as IDataObject[] | undefined) ?? [];
		records.forEach((record, position) => {
			const url = resultImageUrl(record);
			if (url) tasks.push({ itemIndex, position, url, jobId: String(outcome.record.jobId ?? '') });
		});
	});
	const images: DownloadedImages = new Map();
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const task = tasks[next++];
			if (outcomes[task.itemIndex] && 'failure' in (outcomes[task.itemIndex] as Outcome)) continue;
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
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(spec.parallel, tasks.length)) }, worker));
	// An item whose download failed keeps no image from its other side either.
	for (const key of [...images.keys()]) {
		const itemIndex = Number(key.split(':')[0]);
		if (outcomes[itemIndex] && 'failure' in (outcomes[itemIndex] as Outcome)) images.delete(key);
	}
	return images;
}
