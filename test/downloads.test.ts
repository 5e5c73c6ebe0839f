/**
 * Downloads are what they claim (Job > Get with Download Result Image, the path Upscale,
 * Crop and Level and Background Removal share): the type comes from the bytes, a size cap
 * fails the item, the Timeout is a deadline for the whole download, Stop ends a download
 * in flight, and no download carries the API token. A loopback server plays both Ximilar's
 * job API and the host of its result images.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { makeJpeg, makePng } from './fixtures/images';
import { binaryDataService } from './harness/binaryData';
import { runNode, type RunResult } from './harness/engine';
import { failureOf } from './support/outputs';

const TOKEN = 'tok-DOWNLOADS-5c1e9a7f3b2d';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Seen {
	path: string;
	headers: IncomingHttpHeaders;
	startedAt: number;
	/** When the connection closed, and whether the whole file had been sent by then. */
	closedAt?: number;
	complete?: boolean;
}

/** Writes `total` bytes of a PNG-looking file, `chunk` bytes every `everyMs`, unless the client leaves. */
async function trickle(res: ServerResponse, total: number, chunk: number, everyMs: number): Promise<void> {
	res.write(PNG_SIGNATURE);
	for (let sent = PNG_SIGNATURE.length; sent < total && !res.destroyed; sent += chunk) {
		await sleep(everyMs);
		if (!res.destroyed) res.write(Buffer.alloc(Math.min(chunk, total - sent), 7));
	}
	if (!res.destroyed) res.end();
}

/** The result files, by name: what each serves. */
const FILES: Record<string, (res: ServerResponse) => void | Promise<void>> = {
	// A real JPEG, with a Content-Type that names no image type.
	'real.jpg': (res) => {
		res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
		res.end(makeJpeg(3));
	},
	// An error page at an image URL, claiming to be a PNG.
	'html.png': (res) => {
		res.writeHead(200, { 'Content-Type': 'image/png' });
		res.end('<!DOCTYPE html><html><body>Link expired</body></html>');
	},
	// 300 KB, announced in Content-Length.
	'big.png': (res) => {
		const body = Buffer.concat([makePng(8, 8, 1), Buffer.alloc(300_000)]);
		res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': body.length });
		res.end(body);
	},
	// 2 MB without Content-Length, 16 KB every 10 ms: only counting finds it too large.
	'big-chunked.png': async (res) => {
		res.writeHead(200, { 'Content-Type': 'image/png' });
		await trickle(res, 2 * 1024 * 1024, 16 * 1024, 10);
	},
	// A byte every 100 ms for 10 s: never idle for long, never done within a 1 s Timeout.
	'trickle.png': async (res) => {
		res.writeHead(200, { 'Content-Type': 'image/png' });
		await trickle(res, 108, 1, 100);
	},
};

let server: Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		const entry: Seen = { path, headers: { ...req.headers }, startedAt: Date.now() };
		seen.push(entry);
		res.on('close', () => {
			entry.closedAt = Date.now();
			entry.complete = res.writableFinished;
		});
		req.resume();
		const job = /^\/account\/v2\/request\/job-(.+)$/.exec(path);
		if (job) {
			// Job > Get: a finished upscale whose result image is one of FILES.
			const name = job[1];
			const body = { id: `job-${name}`, status: 'DONE', type: 'upscaler', endpoint: 'upscale_2x', response: { records: [{ _id: `rec-${name.replace(/\..*$/, '')}`, _upscaled_image_url: `${base}/files/${name}` }] } };
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
			return;
		}
		const file = FILES[path.replace(/^\/files\//, '')];
		if (!file) {
			res.writeHead(404).end();
			return;
		}
		void file(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
	seen.length = 0;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function jobGet(files: string[], options: Record<string, unknown> = {}, onStarted?: (stop: () => void) => void): Promise<RunResult> {
	return await runNode({
		parameters: { resource: 'job', operation: 'get', jobId: '={{ $json.jobId }}', downloadResultImage: true, options } as never,
		items: files.map((file) => ({ json: { jobId: `job-${file}` } })),
		credentials: { apiToken: TOKEN, apiUrl: base },
		onError: 'continueRegularOutput',
		onStarted,
	});
}

const downloads = () => seen.filter((entry) => entry.path.startsWith('/files/'));

/** The download of `path`, once the server saw its connection close (the close event comes a moment after the client left). */
async function closedDownload(path: string): Promise<Seen | undefined> {
	for (let waited = 0; waited < 3000; waited += 20) {
		const entry = downloads().find((download) => download.path === path);
		if (entry?.closedAt !== undefined) return entry;
		await sleep(20);
	}
	return downloads().find((download) => download.path === path);
}

/** Downloads never carry the API token; the job API requests do, as Authorization only. */
function expectTokenOnlyOnTheApi(): void {
	expect(downloads().length).toBeGreaterThan(0);
	for (const entry of seen) {
		const values = Object.entries(entry.headers).filter(([name]) => name !== 'authorization').map(([, value]) => String(value));
		expect(values.filter((value) => value.includes(TOKEN))).toEqual([]);
		expect(entry.headers.authorization).toBe(entry.path.startsWith('/files/') ? undefined : `Token ${TOKEN}`);
	}
}

describe('a downloaded result image', () => {
	it('is typed by its bytes: a JPEG served as octet-stream is image/jpeg; an HTML page at a .png URL fails its item', async () => {
		const result = await jobGet(['real.jpg', 'html.png']);
		expect(result.main).toHaveLength(2);
		expect(failureOf(result.main[0])).toBeUndefined();
		const binary = result.main[0].binary!.data;
		expect(binary).toMatchObject({ mimeType: 'image/jpeg', fileName: 'rec-real-result.jpg' });
		expect((await (await binaryDataService()).getAsBuffer(binary)).equals(makeJpeg(3))).toBe(true);
		expect(result.main[1].binary).toBeUndefined();
		expect(failureOf(result.main[1])).toEqual({
			message: 'Could not download the result image of job job-html.png: what the server sent is not an image (the server said image/png): its first bytes match no image format [item 1]',
			description: expect.stringContaining(`Ximilar processed (and billed) the image; the result stays at ${base}/files/html.png for 24 hours.`),
		});
		expectTokenOnlyOnTheApi();
	});

	it('larger than Max Download Size fails its item, by Content-Length or by counting, and the download is cut', async () => {
		const result = await jobGet(['big.png', 'real.jpg', 'big-chunked.png'], { maxDownloadSizeMb: 0.1 });
		expect(failureOf(result.main[0])?.message).toBe('Could not download the result image of job job-big.png: the result image is 0.3 MB, more than Max Download Size (0.1 MB) [item 0]');
		expect(failureOf(result.main[1])).toBeUndefined();
		expect(failureOf(result.main[2])?.message).toBe('Could not download the result image of job job-big-chunked.png: the result image is larger than Max Download Size (0.1 MB) [item 2]');
		for (const item of [result.main[0], result.main[2]]) expect(failureOf(item)?.description).toMatch(/^Raise Max Download Size under Options/);
		// The 2 MB file was not read to its end: the client left while it was still coming.
		expect(await closedDownload('/files/big-chunked.png')).toMatchObject({ complete: false });
		expectTokenOnlyOnTheApi();
	});

	it('must arrive within Timeout from start to end: a trickling download fails its item when the time is up', async () => {
		const started = Date.now();
		const result = await jobGet(['trickle.png', 'real.jpg'], { timeout: 1 });
		// Cut by the 1 s deadline, not when the trickle would have ended.
		expect(Date.now() - started).toBeLessThan(9000);
		expect(failureOf(result.main[0])).toEqual({
			message: 'Could not download the result image of job job-trickle.png: the download took longer than 1 s [item 0]',
			description: expect.stringMatching(/^Raise the Timeout option/),
		});
		expect(failureOf(result.main[1])).toBeUndefined();
		expectTokenOnlyOnTheApi();
	});

	it('stops when the execution is stopped: the download in flight is cut, the item says so', async () => {
		let stoppedAt = 0;
		const result = await jobGet(['trickle.png'], { timeout: 60 }, (stop) => {
			const poll = setInterval(() => {
				if (downloads().length === 0 || Date.now() - downloads()[0].startedAt < 200) return;
				clearInterval(poll);
				stoppedAt = Date.now();
				stop();
			}, 5);
		});
		expect(stoppedAt).toBeGreaterThan(0);
		// Cut at once, not when the 10 s file would have ended.
		const download = await closedDownload('/files/trickle.png');
		expect(download?.complete).toBe(false);
		expect(download!.closedAt! - stoppedAt).toBeLessThan(8000);
		expect(result.main.map((item) => failureOf(item)?.message)).toEqual([
			'Stopped before the result image of job job-trickle.png was downloaded [item 0]',
		]);
		expect(failureOf(result.main[0])?.description).toMatch(/Job > Get/);
	});
});
