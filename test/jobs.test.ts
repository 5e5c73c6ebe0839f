/**
 * Jobs by their type, and finding the jobs a webhook never reports (docs/ximilar-api.md §4):
 * Job > Get and Job > List through n8n's engine, against the simulator's async API.
 */
import type { IDataObject } from 'n8n-workflow';

import { makePng } from './fixtures/images';
import { runNode } from './harness/engine';
import { useSimulator } from './harness/useSimulator';
import { FLOWS, flowId } from './simulator';
import { failureOf, pairedIndex } from './support/outputs';

const ctx = useSimulator();
const JOBS = '/account/v2/request/';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const run = async (parameters: Record<string, unknown>, items = [{ json: {} }], onError?: 'continueRegularOutput') =>
	await runNode({ parameters: parameters as never, items, credentials: ctx.credentials, onError });

/** A job submitted straight to the simulator, as another client (or an earlier run) would have. */
async function submit(body: IDataObject): Promise<string> {
	const response = await fetch(`${ctx.sim.url}${JOBS}`, {
		method: 'POST',
		headers: { Authorization: `Token ${ctx.sim.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const json = (await response.json()) as { id: string };
	expect(response.status).toBe(201);
	return json.id;
}

const image = (id: string, seed: number) => ({ _id: id, _base64: makePng(16, 16, seed).toString('base64') });
const cardJob = (id: string, extra: IDataObject = {}) => ({ type: 'collectibles-recognition', endpoint: 'tcg_id', records: [image(id, 1)], ...extra });
const flowJob = (id: string) => ({ type: 'flows', flow: flowId(FLOWS[0].name), records: [image(id, 2)] });
const gradeJob = (id: string) => ({ type: 'card-grader', endpoint: 'grade', records: [image(id, 3)] });
const listRequests = () => ctx.sim.log.filter((entry) => entry.method === 'GET' && entry.path === JOBS);

describe('Job > Get picks the summary by the job\'s type and endpoint', () => {
	it('a collectibles-recognition job gives card rows (one per card with analyze_all), a flows job the flow\'s labels', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		const cards = await submit(cardJob('binder', { analyze_all: true, price_stats: true }));
		const flow = await submit(flowJob('shoe'));
		const grading = await submit(gradeJob('card'));
		const result = await run({ resource: 'job', operation: 'get', jobId: '={{ $json.id }}', output: 'allColumns' }, [cards, flow, grading].map((id) => ({ json: { id } })));
		expect(result.error).toBeUndefined();
		const [cardRows, flowRows, gradeRows] = [0, 1, 2].map((index) => result.main.filter((item) => pairedIndex(item) === index).map((item) => item.json));
		expect(cardRows.length).toBeGreaterThanOrEqual(2);
		cardRows.forEach((row, index) => {
			expect(row).toEqual(expect.objectContaining({ jobId: cards, jobStatus: 'DONE', _id: 'binder', card_index: index + 1, top_category: 'Card' }));
			expect(row.name).toEqual(expect.any(String));
			expect(row.price_median).toEqual(expect.any(Number)); // price_stats echoed by the answer shapes the row
		});
		expect(flowRows).toEqual([expect.objectContaining({ jobId: flow, _id: 'shoe', best_label: expect.any(String), labels: expect.any(Array) })]);
		expect(gradeRows).toEqual([expect.objectContaining({ jobId: grading, _id: 'card', final_grade: expect.any(Number) })]);
	});

	it('a job in a state the docs do not name is not done: it says so and what the state may mean', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		ctx.sim.asyncJobs.failJob = () => true;
		const failed = await submit(gradeJob('card'));
		const result = await run({ resource: 'job', operation: 'get', jobId: failed }, undefined, 'continueRegularOutput');
		expect(failureOf(result.main[0])?.message).toBe(`Ximilar job ${failed} is not done (status ERROR) [item 0]`);
		expect(failureOf(result.main[0])?.description).toMatch(/names no failure state/);
	});
});

describe('Job > List', () => {
	it('Status "Not Done" lists the failed and the unfinished jobs, never the done ones, and sends no status Ximilar does not document', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		const done = await submit(gradeJob('ok'));
		ctx.sim.asyncJobs.failJob = (body) => (body.records as IDataObject[])[0]._id === 'bad';
		const failed = await submit(gradeJob('bad'));
		ctx.sim.asyncJobs.jobMs = 60_000;
		const running = await submit(cardJob('slow'));
		const result = await run({ resource: 'job', operation: 'list', returnAll: true, filters: { status: 'notDone' } });
		expect(result.main.map((item) => [item.json.jobId, item.json.status]).sort()).toEqual(
			[[failed, 'ERROR'], [running, 'CREATED']].sort(),
		);
		expect(result.main.map((item) => item.json.jobId)).not.toContain(done);
		expect(listRequests().map((entry) => entry.query)).toEqual(['page=1']);
		await run({ resource: 'job', operation: 'list', returnAll: true, filters: { status: 'DONE', type: 'card-grader' } });
		expect(listRequests().at(-1)?.query).toBe('page=1&type=card-grader&status=DONE');
	});

	it('Created Since keeps the jobs created since then, and stops reading pages at the first older job', async () => {
		for (let i = 0; i < 12; i++) await submit(gradeJob(`old-${i}`));
		await sleep(1100);
		const since = new Date().toISOString();
		await sleep(20);
		const fresh = [await submit(gradeJob('new-0')), await submit(cardJob('new-1')), await submit(flowJob('new-2'))];
		ctx.sim.log.length = 0;
		const result = await run({ resource: 'job', operation: 'list', returnAll: true, filters: { createdSince: since } });
		expect(result.main.map((item) => item.json.jobId).sort()).toEqual([...fresh].sort());
		// 15 jobs are two pages of 10; the first already reaches past Created Since.
		expect(listRequests().map((entry) => entry.query)).toEqual(['page=1']);
		const bad = await run({ resource: 'job', operation: 'list', filters: { createdSince: 'yesterday-ish' } }, undefined, 'continueRegularOutput');
		expect(failureOf(bad.main[0])?.message).toMatch(/^Created Since "yesterday-ish" is not a date and time.* \[item 0\]$/);
	});

	it('Include Results gives each DONE job\'s rows by its type; other jobs stay one listing row', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		const cards = await submit(cardJob('c'));
		const flow = await submit(flowJob('f'));
		ctx.sim.asyncJobs.failJob = () => true;
		const failed = await submit(gradeJob('g'));
		const result = await run({ resource: 'job', operation: 'list', returnAll: true, includeResults: true, output: 'allColumns' });
		expect(result.error).toBeUndefined();
		const byJob = new Map(result.main.map((item) => [item.json.jobId, item.json]));
		expect(byJob.get(cards)).toEqual(expect.objectContaining({ type: 'collectibles-recognition', _id: 'c', name: expect.any(String), confidence: expect.any(String) }));
		expect(byJob.get(flow)).toEqual(expect.objectContaining({ type: 'flows', _id: 'f', best_label: expect.any(String) }));
		expect(byJob.get(failed)).toEqual(expect.objectContaining({ status: 'ERROR', type: 'card-grader' }));
		expect(byJob.get(failed)).not.toHaveProperty('final_grade');
		expect(result.main.every((item) => pairedIndex(item) === 0)).toBe(true);
	});
});
