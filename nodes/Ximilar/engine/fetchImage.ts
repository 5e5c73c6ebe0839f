import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleepWithAbort } from 'n8n-workflow';

import { detectImageFormat } from '../records/imageFormat';

export interface FetchLimits {
	/** The most bytes the file may have (Max Download Size). */
	maxBytes: number;
	/** The most the whole download may take, from connecting to the last byte (Timeout). */
	timeoutMs: number;
	/** The execution's cancel signal: Stop ends a download in flight. */
	signal?: AbortSignal;
}

/** A picture and its type as its bytes say, or why there is none in words, or the execution was stopped. */
export type Fetched = { bytes: Buffer; mimeType: string } | { problem: string; fix?: string } | { stopped: true };

/** The response body of a download as n8n's helper gives it with `encoding: 'stream'`. */
interface BodyStream extends AsyncIterable<Uint8Array> {
	destroy(error?: Error): void;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const TOO_LARGE_FIX = 'Raise Max Download Size under Options, or download the image with an HTTP Request node.';

function header(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}

/**
 * A deadline for the whole download: n8n's `timeout` only limits idle gaps once the
 * headers came, so a server sending a byte a second would never time out. `abort` fires
 * when `ms` have passed, unless `cancel` came first (a download that ended).
 */
function startDeadline(ms: number, abort: () => void): { cancel(): void; passed(): boolean } {
	const timer = new AbortController();
	let passed = false;
	void sleepWithAbort(ms, timer.signal).then(
		() => {
			passed = true;
			abort();
		},
		() => undefined, // cancelled: the download ended first
	);
	return { cancel: () => timer.abort(), passed: () => passed };
}

/** Why downloaded bytes are not a picture, in words, with the type the server claimed. */
function notAPicture(bytes: Buffer, contentType: string | undefined): string {
	const claimed = contentType ? ` (the server said ${contentType.split(';')[0].trim()})` : '';
	const detected = detectImageFormat(bytes);
	if (detected.format === 'empty') return `the server sent an empty file${claimed}`;
	if (detected.format === 'unknown') return `what the server sent is not an image${claimed}: its first bytes match no image format`;
	return `what the server sent is ${detected.format === 'SVG' ? 'an SVG drawing' : `a ${detected.format} file`}, not a picture${claimed}`;
}

/**
 * Downloads one result image through n8n's HTTP helper, without credentials (the URLs are
 * Ximilar's public links, never its API), and returns it only if it is what it claims:
 * an http(s) URL, no larger than `maxBytes` (the stream is cut as soon as it passes),
 * within `timeoutMs` from start to end, and a picture by its own bytes, whatever the
 * server's Content-Type or the URL's extension say.
 */
export async function fetchResultImage(ctx: IExecuteFunctions, url: string, limits: FetchLimits): Promise<Fetched> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { problem: `the result image URL "${url.slice(0, 100)}" is not a URL` };
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		return { problem: `the result image URL must be an http(s) address (got "${parsed.protocol}")` };
	}
	if (limits.signal?.aborted) return { stopped: true };

	// One signal for the request: the execution's Stop, or the deadline.
	const controller = new AbortController();
	const abort = () => controller.abort();
	limits.signal?.addEventListener('abort', abort, { once: true });
	const deadline = startDeadline(limits.timeoutMs, abort);
	try {
		const response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: parsed.href,
			encoding: 'stream',
			returnFullResponse: true,
			timeout: limits.timeoutMs,
			abortSignal: controller.signal,
		})) as { body: BodyStream; headers: IDataObject };
		const body = response.body;
		const declared = Number(header(response.headers, 'content-length'));
		if (declared > limits.maxBytes) {
			body.destroy();
			return { problem: `the result image is ${megabytes(declared)}, more than Max Download Size (${megabytes(limits.maxBytes)})`, fix: TOO_LARGE_FIX };
		}
		const chunks: Uint8Array[] = [];
		let size = 0;
		for await (const chunk of body) {
			size += chunk.length;
			if (size > limits.maxBytes) {
				body.destroy();
				return { problem: `the result image is larger than Max Download Size (${megabytes(limits.maxBytes)})`, fix: TOO_LARGE_FIX };
			}
			chunks.push(chunk);
		}
		const bytes = Buffer.concat(chunks, size);
		const mimeType = detectImageFormat(bytes).mimeType;
		if (!mimeType) return { problem: notAPicture(bytes, header(response.headers, 'content-type')) };
		return { bytes, mimeType };
	} catch (error) {
		if (limits.signal?.aborted) return { stopped: true };
		if (deadline.passed()) {
			return {
				problem: `the download took longer than ${Math.round(limits.timeoutMs / 1000)} s`,
				fix: 'Raise the Timeout option, or download the image later (Ximilar keeps it 24 hours).',
			};
		}
		return { problem: (error as Error).message };
	} finally {
		deadline.cancel();
		limits.signal?.removeEventListener('abort', abort);
	}
}
