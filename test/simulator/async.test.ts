import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FLOWS, flowId, XimilarSimulator } from './index';

let sim: XimilarSimulator;
beforeAll(async () => {
	sim = await XimilarSimulator.start();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

async function call(path: string, body?: unknown) {
	const res = await fetch(sim.url + path, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { Authorization: `Token ${sim.token}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as any };
}

const card = (n: number) => ({ _url: `http://127.0.0.1:1/samples/card-${n}.png` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback receiver that records webhook calls. */
async function receiver() {
	const calls: { headers: IncomingHttpHeaders; body: any }[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			calls.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			res.writeHead(200).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return { calls, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('async requests (docs/ximilar-api.md §4)', () => {
	it('runs a grading job CREATED -> PROCESSING -> DONE by the clock, result under response', async () => {
		sim.asyncJobs.jobMs = 3000; // wide margins: CREATED for 1.5 s, PROCESSING for 1.5 s
		const created = await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', records: [{ _id: 'f', ...card(1) }, { _id: 'b', Side: 'Back', ...card(2) }] });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ id: expect.any(String), status: 'CREATED', type: 'card-grader' });
		const id = created.json.id;
		expect((await call(`/account/v2/request/${id}/status`)).json.status).toBe('CREATED');
		await sleep(1700);
		expect((await call(`/account/v2/request/${id}/status`)).json.status).toBe('PROCESSING');
		expect((await call(`/account/v2/request/${id}`)).json.response).toBeNull();
		await sleep(1500);
		const done = await call(`/account/v2/request/${id}`);
		expect(done.json.status).toBe('DONE');
		const [front, back] = done.json.response.records;
		expect(front).toMatchObject({ _id: 'f', grades: { final: expect.any(Number), condition: expect.any(String) }, _status: { code: 200 } });
		expect(front.card[0]._tags.Side[0].name).toBe('front');
		expect(back.card[0]._tags.Side[0].name).toBe('back');
		expect(front.card[0].centering['left/right']).toMatch(/^\d+\/\d+$/);
		expect(sim.creditsUsed).toBe(2);
	});

	it.each([
		['condition', (r: any) => expect(r._objects[0].Condition[0].label).toEqual(expect.any(String))],
		['centering', (r: any) => expect(r.card[0].centering.grade).toEqual(expect.any(Number))],
		['localize', (r: any) => expect(r.corners).toHaveLength(4)],
		['crop_level', (r: any) => expect(r._exact_url_card).toMatch(/\/samples\/cards\//)],
	])('serves the %s endpoint', async (endpoint, check) => {
		sim.asyncJobs.jobMs = 0;
		const { json } = await call('/account/v2/request/', { type: 'card-grader', endpoint, records: [card(3)] });
		check((await call(`/account/v2/request/${json.id}`)).json.response.records[0]);
	});

	it('refuses what the docs refuse: 3 grading records, 2 upscale records, unknown endpoints and modes', async () => {
		expect((await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', records: [card(1), card(2), card(3)] })).status).toBe(400);
		expect((await call('/account/v2/request/', { type: 'upscaler', endpoint: 'upscale_2x', records: [card(1), card(2)] })).status).toBe(400);
		expect((await call('/account/v2/request/', { type: 'upscaler', endpoint: 'upscale_3x', records: [card(1)] })).status).toBe(400);
		expect((await call('/account/v2/request/', { type: 'upscaler', endpoint: 'upscale_2x', mode: 'sharp', records: [card(1)] })).status).toBe(400);
		expect((await call('/account/v2/request/', { endpoint: 'grade', records: [card(1)] })).status).toBe(400);
		expect(sim.creditsUsed).toBe(0);
	});

	it('upscales to an image URL it serves', async () => {
		sim.asyncJobs.jobMs = 0;
		const records = [{ _url: `${sim.url}/samples/card-1.png` }];
		const { json } = await call('/account/v2/request/', { type: 'upscaler', endpoint: 'upscale_4x', mode: 'high_fidelity', records });
		const url = (await call(`/account/v2/request/${json.id}`)).json.response.records[0]._upscaled_image_url;
		expect(url).toMatch(/-4x\.png$/);
		const image = await fetch(url);
		expect(image.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
	});

	it('ends a job in ERROR without a response when told to', async () => {
		sim.asyncJobs.jobMs = 0;
		sim.asyncJobs.failJob = (body) => (body.records as any[])[0]._id === 'bad';
		const { json } = await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', records: [{ _id: 'bad', ...card(1) }] });
		expect((await call(`/account/v2/request/${json.id}`)).json).toMatchObject({ status: 'ERROR', response: null });
	});

	it('lists jobs newest first, filtered and paged as Django REST does', async () => {
		for (let i = 0; i < 12; i++) await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', records: [card(1 + (i % 5))] });
		await call('/account/v2/request/', { type: 'upscaler', endpoint: 'upscale_2x', records: [card(1)] });
		const first = await call('/account/v2/request/?type=card-grader');
		expect(first.json).toMatchObject({ count: 12, previous: null });
		expect(first.json.results).toHaveLength(10);
		expect(first.json.next).toMatch(/page=2/);
		const second = await fetch(first.json.next, { headers: { Authorization: `Token ${sim.token}` } }).then((r) => r.json() as any);
		expect(second.results).toHaveLength(2);
		expect(second.next).toBeNull();
		expect((await call('/account/v2/request/?page=9')).status).toBe(404);
	});

	it('posts {id, status, response} to the webhook with its headers, and can lose one', async () => {
		const hook = await receiver();
		try {
			sim.asyncJobs.jobMs = 30;
			sim.asyncJobs.loseWebhooks = 1;
			const webhook = { endpoint: hook.url, headers: { 'X-Secret': 's3cret' } };
			// The first job created with a webhook loses it, whichever timer fires first.
			const lost = await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', webhook, records: [card(1)] });
			const kept = await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', webhook, records: [card(2)] });
			for (let waited = 0; sim.webhookDeliveries.filter((d) => d.status !== -1).length < 1 && waited < 5000; waited += 50) await sleep(50);
			await sleep(50);
			expect(hook.calls).toHaveLength(1);
			expect(hook.calls[0].headers['x-secret']).toBe('s3cret');
			expect(hook.calls[0].body).toMatchObject({ id: kept.json.id, status: 'DONE', response: { records: [{ grades: expect.any(Object) }] } });
			const byJob = new Map(sim.webhookDeliveries.map((d) => [d.jobId, d.status]));
			expect([byJob.get(lost.json.id), byJob.get(kept.json.id)]).toEqual([-1, 200]);
		} finally {
			await hook.close();
		}
	});

	it('calls back only when a job is DONE: a failed job never calls back (docs/ximilar-api.md §4)', async () => {
		const hook = await receiver();
		try {
			sim.asyncJobs.jobMs = 20;
			sim.asyncJobs.failJob = (body) => (body.records as any[])[0]._id === 'bad';
			const webhook = { endpoint: hook.url };
			const failed = await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', webhook, records: [{ _id: 'bad', ...card(1) }] });
			const done = await call('/account/v2/request/', { type: 'card-grader', endpoint: 'grade', webhook, records: [{ _id: 'good', ...card(2) }] });
			for (let waited = 0; hook.calls.length < 1 && waited < 5000; waited += 20) await sleep(20);
			await sleep(300);
			expect((await call(`/account/v2/request/${failed.json.id}/status`)).json.status).toBe('ERROR');
			expect(hook.calls.map((c) => [c.body.id, c.body.status])).toEqual([[done.json.id, 'DONE']]);
			expect(sim.webhookDeliveries.map((d) => d.jobId)).toEqual([done.json.id]);
		} finally {
			await hook.close();
		}
	});

	it('runs collectibles-recognition and flows jobs: the synchronous answer under response', async () => {
		sim.asyncJobs.jobMs = 0;
		const cards = await call('/account/v2/request/', { type: 'collectibles-recognition', endpoint: 'tcg_id', price_stats: true, records: [{ _id: 'c', ...card(1) }] });
		expect(cards.status).toBe(201);
		const cardJob = (await call(`/account/v2/request/${cards.json.id}`)).json;
		expect(cardJob).toMatchObject({ type: 'collectibles-recognition', status: 'DONE' });
		expect(cardJob.response.records[0]._objects[0]._identification.best_match.price_stats.map((entry: any) => entry.stats_type)).toEqual(['ungraded', 'graded', 'overall']);
		const flow = FLOWS.find((candidate) => candidate.valid)!;
		const flows = await call('/account/v2/request/', { type: 'flows', flow: flowId(flow.name), records: [{ _id: 'f', ...card(2) }] });
		expect(flows.status).toBe(201);
		const flowJob = (await call(`/account/v2/request/${flows.json.id}`)).json;
		expect(flowJob).toMatchObject({ type: 'flows', status: 'DONE', response: { records: [{ _id: 'f', _status: { code: 200 } }] } });
		expect(flowJob).not.toHaveProperty('endpoint');
		expect((await call('/account/v2/request/', { type: 'flows', flow: 'nope', records: [card(2)] })).status).toBe(400);
	});
});
