import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IBinaryData } from 'n8n-workflow';

import { makePng } from './fixtures/images';
import { binaryDataService } from './harness/binaryData';
import { runNode, type InputItem } from './harness/engine';
import { pngItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';
import { failureOf, pairedIndex } from './support/outputs';

const ctx = useSimulator();
const JOBS = '/account/v2/request/';

const run = async (parameters: Record<string, unknown>, items: InputItem[], onError?: 'continueRegularOutput' | 'continueErrorOutput') =>
	await runNode({ parameters: parameters as never, items, credentials: ctx.credentials, onError });

const grade = (extra: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'gradeCard',
	gradingEndpoint: 'grade',
	imageSource: 'binary',
	binaryPropertyName: 'data',
	recordId: '={{ "card-" + $json.row }}',
	...extra,
});

const submits = () => ctx.sim.log.filter((entry) => entry.method === 'POST' && entry.path === JOBS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Most jobs in flight at once: from each card's submit to the read of its job's result (or its last poll). */
function maxJobsInFlight(jobIdOf: Map<string, string>, readsResult: (jobId: string) => boolean = () => true): number {
	const log = ctx.sim.log;
	const spans = submits().map((submit) => {
		const jobId = String(jobIdOf.get(String(submit.recordIds[0])));
		const path = readsResult(jobId) ? `${JOBS}${jobId}` : `${JOBS}${jobId}/status`;
		const read = log.filter((e) => e.method === 'GET' && e.path === path).at(-1);
		return [submit.startedAt, read!.endedAt];
	});
	const points = spans.flatMap(([start, end]) => [[start, 1], [end, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let now = 0;
	let max = 0;
	for (const [, step] of points) max = Math.max(max, (now += step));
	return max;
}

describe('Grade Card, Wait for Result', () => {
	it('grades 7 cards as parallel jobs: outputs in input order, paired, a failed job as an error item', async () => {
		ctx.sim.asyncJobs.jobMs = 300;
		ctx.sim.asyncJobs.failJob = (body) => (body.records as { _id: string }[])[0]._id === 'card-4';
		// A failure state is not documented: the failed job is polled until Wait Timeout, then fails alone.
		const result = await run(grade({ waitTimeout: 2, options: { parallelRequests: 3 } }), pngItems(7), 'continueRegularOutput');
		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(7);
		result.main.forEach((item, i) => expect(pairedIndex(item)).toBe(i));
		result.main.forEach((item, i) => {
			if (i === 4) return;
			expect(failureOf(item)).toBeUndefined();
			// Simplified (the default): the job, the image and its grades, 10 fields.
			expect(item.json).toEqual({
				jobId: expect.any(String), _id: `card-${i}`, side: 'front',
				final_grade: expect.any(Number), corners: expect.any(Number), edges: expect.any(Number),
				surface: expect.any(Number), centering: expect.any(Number), condition: expect.any(String), image_url: expect.stringMatching(/^http/),
			});
			expect(Object.keys(item.json)).toHaveLength(10);
		});
		const failed = failureOf(result.main[4]);
		expect(failed?.message).toMatch(/^Ximilar job [0-9a-f-]{36} was not done within 2 s \(status ERROR\).* \[item 4\]$/);
		expect(failed?.description).toMatch(/status ERROR may mean the job failed/);
		// One job per card, each the card's own record, never sent twice.
		expect(submits()).toHaveLength(7);
		expect(submits().map((entry) => entry.recordIds[0]).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `card-${i}`).sort());
		expect(new Set(result.main.filter((_, i) => i !== 4).map((item) => item.json.jobId)).size).toBe(6);
		const failedJob = /job ([0-9a-f-]{36})/.exec(failed!.message)![1];
		const jobIdOf = new Map(result.main.map((item, i) => [`card-${i}`, i === 4 ? failedJob : String(item.json.jobId)]));
		const inFlight = maxJobsInFlight(jobIdOf, (id) => id !== failedJob);
		expect(inFlight).toBeGreaterThan(1);
		expect(inFlight).toBeLessThanOrEqual(3);
	});

	it('without Continue On Fail, the failed job stops the node naming its item', async () => {
		ctx.sim.asyncJobs.failJob = (body) => (body.records as { _id: string }[])[0]._id === 'card-1';
		const result = await run(grade({ waitTimeout: 2 }), pngItems(2));
		expect(result.error?.message).toMatch(/^Ximilar job .* was not done within 2 s \(status ERROR\).* \[item 1\]$/);
	});

	it('keeps polling a job in a state the docs do not name until Wait Timeout: only DONE ends a job', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		ctx.sim.asyncJobs.failJob = () => true;
		const started = Date.now();
		const result = await run(grade({ waitTimeout: 3 }), pngItems(1), 'continueRegularOutput');
		// Polled to the end of the wait (the last half second is too short for another read to be sent).
		expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
		const polls = ctx.sim.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith('/status'));
		expect(polls.length).toBeGreaterThanOrEqual(2);
		expect(failureOf(result.main[0])?.message).toMatch(/was not done within 3 s \(status ERROR\)/);
		// The result was never read: there is none to read.
		expect(ctx.sim.log.filter((entry) => entry.method === 'GET' && /request\/[0-9a-f-]{36}$/.test(entry.path))).toHaveLength(0);
	});

	it('grades front and back of one card in one job: two outputs paired to the item', async () => {
		const items: InputItem[] = [0, 1].map((row) => ({
			json: { row },
			binary: {
				data: { data: makePng(8, 8, 10 + row), mimeType: 'image/png', fileName: `front-${row}.png` },
				back: { data: makePng(8, 8, 20 + row), mimeType: 'image/png', fileName: `back-${row}.png` },
			},
		}));
		const result = await run(grade({ withBack: true }), items);
		expect(result.error).toBeUndefined();
		expect(submits().map((entry) => entry.recordIds)).toEqual(expect.arrayContaining([['card-0', 'card-0-back'], ['card-1', 'card-1-back']]));
		expect(ctx.sim.lastBody(JOBS, true).records.map((r: { Side: string }) => r.Side)).toEqual(['Front', 'Back']);
		expect(result.main.map((item) => [pairedIndex(item), item.json._id, item.json.side])).toEqual([
			[0, 'card-0', 'front'], [0, 'card-0-back', 'back'], [1, 'card-1', 'front'], [1, 'card-1-back', 'back'],
		]);
	});

	it('Raw keeps every field Ximilar returned; All Columns every column of the row, centering ratios included', async () => {
		const result = await run(grade({ output: 'raw' }), pngItems(1));
		expect(result.main[0].json).toMatchObject({ grades: expect.any(Object), corners: expect.any(Array), edges: expect.any(Array), card: expect.any(Array), _status: { code: 200 } });
		const all = await run(grade({ output: 'allColumns' }), pngItems(1));
		expect(all.main[0].json).toMatchObject({
			_id: 'card-0', jobId: expect.any(String), jobStatus: 'DONE', side: 'front', final_grade: expect.any(Number),
			centering_left_right: expect.stringMatching(/^\d+\/\d+$/), centering_top_bottom: expect.stringMatching(/^\d+\/\d+$/),
		});
		expect(Object.keys(all.main[0].json).length).toBeGreaterThan(10);
	});

	it('a job not done within Wait Timeout is an error item with its job ID, never submitted again', async () => {
		ctx.sim.asyncJobs.jobMs = 60_000;
		const started = Date.now();
		const result = await run(grade({ waitTimeout: 1 }), pngItems(1), 'continueRegularOutput');
		const failure = failureOf(result.main[0]);
		expect(failure?.message).toMatch(/Ximilar job ([0-9a-f-]{36}) was not done within 1 s \(status (CREATED|PROCESSING)\)/);
		expect(failure?.description).toMatch(/Job > Get/);
		// Ended by the 1 s wait, long before the 60 s job.
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(submits()).toHaveLength(1);
	});

	it('a submit that times out is not sent again (it may have created a job); a 429 is', async () => {
		ctx.sim.queueFaultsFor(JOBS, { kind: 'delay', ms: 2500 });
		const timedOut = await run(grade({ options: { timeout: 1, maxRetries: 3 } }), pngItems(1), 'continueRegularOutput');
		expect(failureOf(timedOut.main[0])?.description).toMatch(/may have been created \(and billed\) anyway: look for it with Job > List/);
		expect(submits()).toHaveLength(1);

		ctx.sim.reset();
		ctx.sim.queueFaultsFor(JOBS, { kind: 'status', status: 429 });
		const limited = await run(grade(), pngItems(1));
		expect(limited.error).toBeUndefined();
		expect(submits().map((entry) => entry.status)).toEqual([429, 201]);
	});
});

describe('Submit Only, then the Job resource', () => {
	it('outputs a job ID per item; Job > Get gives the graded cards, Get Status and List see the jobs', async () => {
		const submitted = await run(grade({ resultMode: 'submit' }), pngItems(3));
		expect(submitted.main.map((item) => [pairedIndex(item), item.json.status, item.json.type, item.json.endpoint])).toEqual([
			[0, 'CREATED', 'card-grader', 'grade'], [1, 'CREATED', 'card-grader', 'grade'], [2, 'CREATED', 'card-grader', 'grade'],
		]);
		expect(ctx.sim.log.filter((entry) => entry.method === 'GET')).toHaveLength(0);
		await sleep(100);

		const items = submitted.main.map((item) => ({ json: item.json }));
		const status = await run({ resource: 'job', operation: 'getStatus', jobId: '={{ $json.jobId }}' }, items);
		expect(status.main.map((item) => item.json)).toEqual(items.map((item) => ({ jobId: item.json.jobId, status: 'DONE' })));

		const got = await run({ resource: 'job', operation: 'get', jobId: '={{ $json.jobId }}' }, items);
		expect(got.main.map((item) => [pairedIndex(item), item.json.jobId, item.json._id])).toEqual(
			items.map((item, i) => [i, item.json.jobId, `card-${i}`]),
		);
		expect(got.main.every((item) => typeof item.json.final_grade === 'number')).toBe(true);
		expect(submits()).toHaveLength(3);

		for (let i = 0; i < 9; i++) await run(grade({ resultMode: 'submit', recordId: '' }), pngItems(1));
		const all = await run({ resource: 'job', operation: 'list', returnAll: true }, [{ json: {} }]);
		expect(all.main).toHaveLength(12);
		expect(ctx.sim.log.filter((entry) => entry.method === 'GET' && entry.path === JOBS).map((e) => e.query)).toEqual(['page=1', 'page=2']);
		const limited = await run({ resource: 'job', operation: 'list', limit: 5, filters: { type: 'card-grader' } }, [{ json: {} }]);
		expect(limited.main.map((item) => item.json.type)).toEqual(Array(5).fill('card-grader'));
		expect(limited.main[0].json).toMatchObject({ jobId: expect.any(String), status: expect.any(String) });
	});

	it('Job > Get of an unfinished or unknown job says so for that item only', async () => {
		ctx.sim.asyncJobs.jobMs = 60_000;
		const submitted = await run(grade({ resultMode: 'submit' }), pngItems(1));
		const items = [{ json: { jobId: submitted.main[0].json.jobId } }, { json: { jobId: '00000000-0000-4000-a000-000000000000' } }];
		const got = await run({ resource: 'job', operation: 'get', jobId: '={{ $json.jobId }}' }, items, 'continueRegularOutput');
		expect(failureOf(got.main[0])?.message).toMatch(/is not done \(status (CREATED|PROCESSING)\)/);
		expect(failureOf(got.main[1])?.message).toMatch(/^Unknown endpoint or resource.* \[item 1\]$/);
	});
});

describe('Upscale', () => {
	async function bytesOf(binary: IBinaryData): Promise<Buffer> {
		const service = await binaryDataService();
		return await service.getAsBuffer(binary);
	}

	it('downloads the upscaled image as binary data (filesystem mode): the bytes the simulator served, named after the input', async () => {
		const result = await run(
			{ resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_4x', upscaleMode: 'high_fidelity', imageSource: 'binary', binaryPropertyName: 'data' },
			pngItems(3),
		);
		expect(result.error).toBeUndefined();
		expect(ctx.sim.lastBody(JOBS, true)).toMatchObject({ type: 'upscaler', endpoint: 'upscale_4x', mode: 'high_fidelity' });
		expect(result.main).toHaveLength(3);
		for (const [i, item] of result.main.entries()) {
			expect(pairedIndex(item)).toBe(i);
			const url = item.json.image_url as string;
			expect(url).toMatch(/-4x\.png$/);
			const binary = item.binary!.data;
			expect(binary).toMatchObject({ mimeType: 'image/png', fileName: `card-${i}-upscaled-4x.png` });
			expect(binary.data).toBe('filesystem-v2');
			const served = Buffer.from(await (await fetch(url)).arrayBuffer());
			expect((await bytesOf(binary)).equals(served)).toBe(true);
		}
	});

	it('a failed download fails only its item', async () => {
		ctx.sim.asyncJobs.expireImage = (record) => record._id === 'u-1';
		const result = await run(
			{ resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'binary', binaryPropertyName: 'data', recordId: '={{ "u-" + $json.row }}' },
			pngItems(3),
			'continueRegularOutput',
		);
		expect(result.main.map((item) => failureOf(item) === undefined)).toEqual([true, false, true]);
		expect(failureOf(result.main[1])?.message).toMatch(/Could not download the result image of job/);
		expect(result.main[0].binary?.data.mimeType).toBe('image/png');
		expect(result.main[1].binary).toBeUndefined();
	});
});

describe('Webhook mode', () => {
	it('submits each job with the webhook URL and the secret header; Ximilar posts the result there', async () => {
		const calls: { headers: IncomingHttpHeaders; body: { id: string; status: string; response: { records: unknown[] } } }[] = [];
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				calls.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
				res.end('{}');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/abc/ximilar`;
			const parameters = grade({ resultMode: 'webhook', webhookUrl: url });
			const webhookCredential = { headerName: 'X-Ximilar-Webhook-Secret', secret: 'pssst' };
			const result = await runNode({ parameters: parameters as never, items: pngItems(2), credentials: ctx.credentials, webhookCredential });
			// The secret lives in the credential: nothing of it is in the node's parameters (the workflow JSON).
			expect(JSON.stringify(parameters)).not.toContain('pssst');
			expect(result.main.map((item) => item.json.status)).toEqual(['CREATED', 'CREATED']);
			// The job's type and endpoint ride along as headers, which Ximilar sends back with the callback.
			expect(ctx.sim.lastBody(JOBS, true).webhook).toEqual({
				endpoint: url,
				headers: { 'X-Ximilar-Webhook-Secret': 'pssst', 'X-Ximilar-Job-Type': 'card-grader', 'X-Ximilar-Job-Endpoint': 'grade' },
			});
			// A failed job never calls back (docs/ximilar-api.md §4): the submit output says so.
			expect(result.main.every((item) => /only when the job is DONE: a job that fails never calls back/.test(String(item.json.callback)))).toBe(true);
			for (let waited = 0; calls.length < 2 && waited < 5000; waited += 50) await sleep(50);
			expect(calls.map((call) => call.body.id).sort()).toEqual(result.main.map((item) => item.json.jobId).sort());
			expect(calls.every((call) => call.headers['x-ximilar-webhook-secret'] === 'pssst' && call.body.status === 'DONE')).toBe(true);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it('refuses a Webhook URL that is not http(s) before any request', async () => {
		const webhookCredential = { headerName: 'X-Ximilar-Webhook-Secret', secret: 'pssst' };
		const result = await runNode({ parameters: grade({ resultMode: 'webhook', webhookUrl: 'ftp://x' }) as never, items: pngItems(1), credentials: ctx.credentials, webhookCredential });
		expect(result.error?.message).toMatch(/Webhook URL "ftp:\/\/x" is not an http\(s\) URL/);
		expect(ctx.sim.log).toHaveLength(0);
	});
});

describe('Recognize > Background Removal with Download Result Image', () => {
	it('puts each cut-out into its output item as a file named after the input; the bytes are the served image', async () => {
		const result = await run(
			{ resource: 'image', operation: 'recognize', service: 'removeBgPrecise', imageSource: 'binary', binaryPropertyName: 'data', downloadResultImage: true, resultBinaryProperty: 'cutout' },
			pngItems(2),
		);
		expect(result.error).toBeUndefined();
		for (const [i, item] of result.main.entries()) {
			const binary = item.binary!.cutout;
			expect(binary).toMatchObject({ mimeType: 'image/png', fileName: `card-${i}-no-background.png` });
			const served = Buffer.from(await (await fetch(String(item.json.output_url))).arrayBuffer());
			expect((await (await binaryDataService()).getAsBuffer(binary)).equals(served)).toBe(true);
		}
	});
});

describe('Crop and Level with Download Result Image', () => {
	it('gives each card its cropped image as a file named after the input', async () => {
		const result = await run(grade({ gradingEndpoint: 'crop_level' }), pngItems(2));
		expect(result.error).toBeUndefined();
		expect(ctx.sim.lastBody(JOBS, true)).toMatchObject({ type: 'card-grader', endpoint: 'crop_level' });
		for (const [i, item] of result.main.entries()) {
			expect(item.json.image_url).toMatch(/\/samples\/cards\/[0-9a-f]+-exact\.jpg$/);
			expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: `card-${i}-cropped.jpg` });
		}
	});
});

describe('Stopping the execution while waiting', () => {
	it('ends the polling at once; each item keeps its job ID to fetch later, nothing is submitted again', async () => {
		ctx.sim.asyncJobs.jobMs = 60_000;
		let stoppedAt = 0;
		const result = await runNode({
			parameters: grade({ waitTimeout: 30, options: { parallelRequests: 3 } }) as never,
			items: pngItems(3),
			credentials: ctx.credentials,
			onStarted: (stop) => {
				const poll = setInterval(() => {
					// Stop once the node holds all three job IDs (answers sent a moment ago).
					const answered = submits().filter((entry) => entry.status === 201 && entry.endedAt > 0);
					if (answered.length < 3 || Date.now() - Math.max(...answered.map((entry) => entry.endedAt)) < 200) return;
					clearInterval(poll);
					stoppedAt = Date.now();
					stop();
				}, 5);
			},
		});
		expect(stoppedAt).toBeGreaterThan(0);
		// Ended by the stop, long before the 30 s wait.
		expect(Date.now() - stoppedAt).toBeLessThan(15_000);
		expect(submits()).toHaveLength(3);
		expect(result.main.map((item) => failureOf(item)?.message)).toEqual(
			[0, 1, 2].map((i) => expect.stringMatching(new RegExp(`^Stopped while waiting for Ximilar job [0-9a-f-]{36} \\[item ${i}\\]$`))),
		);
		expect(result.main.every((item) => /Job > Get/.test(failureOf(item)?.description ?? ''))).toBe(true);
	});
});
