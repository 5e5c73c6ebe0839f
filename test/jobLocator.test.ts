/**
 * Job as a resource locator: the list is the account's recent jobs (the job list endpoint,
 * read through the node's transport), newest first as Ximilar lists them, each named by its
 * type, status and time; a job picked from the list, entered by ID, or saved as plain text by
 * an older workflow reaches the request.
 */
import type { IDataObject } from 'n8n-workflow';

import { makePng } from './fixtures/images';
import { listSearch, runNode } from './harness/engine';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();
const JOBS = '/account/v2/request/';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function submit(body: IDataObject): Promise<string> {
	const response = await fetch(`${ctx.sim.url}${JOBS}`, {
		method: 'POST',
		headers: { Authorization: `Token ${ctx.sim.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return ((await response.json()) as { id: string }).id;
}

const record = (id: string) => ({ _id: id, _base64: makePng(16, 16, 1).toString('base64') });

const list = async (filter?: string, paginationToken?: string) =>
	await listSearch({
		parameters: { resource: 'job', operation: 'get', jobId: { __rl: true, mode: 'list', value: '' } } as never,
		credentials: ctx.credentials,
		method: 'searchJobs',
		parameter: 'jobId',
		filter,
		paginationToken,
	});

describe('the Job list', () => {
	it('lists recent jobs newest first, each with its type, endpoint, status and time, page by page', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		const ids: string[] = [];
		for (let i = 0; i < 12; i++) {
			ids.push(await submit({ type: i % 2 ? 'upscaler' : 'card-grader', endpoint: i % 2 ? 'upscale_2x' : 'grade', records: [record(`r-${i}`)] }));
			await sleep(2); // distinct creation times
		}
		const first = await list();
		expect(first.results).toHaveLength(10);
		expect(first.results.map((item) => item.value)).toEqual([...ids].reverse().slice(0, 10));
		expect(first.results[0].name).toMatch(/^upscaler \(upscale_2x\) · (CREATED|PROCESSING|DONE) · \d{4}-\d\d-\d\d \d\d:\d\d$/);
		expect(first.results[1].name).toMatch(/^card-grader \(grade\) · /);
		expect(first.paginationToken).toBe('2');
		const second = await list(undefined, first.paginationToken as string);
		expect(second.results.map((item) => item.value)).toEqual([ids[1], ids[0]]);
		expect(second.paginationToken).toBeUndefined();
		// Read through the node's transport with the token, and no search term the list does not document.
		expect(ctx.sim.log.filter((entry) => entry.method === 'GET').map((entry) => [entry.path, entry.query])).toEqual([
			[JOBS, 'page=1'],
			[JOBS, 'page=2'],
		]);
	});

	it('filters by what the user types, in the node', async () => {
		await submit({ type: 'card-grader', endpoint: 'grade', records: [record('a')] });
		await submit({ type: 'upscaler', endpoint: 'upscale_4x', records: [record('b')] });
		const found = await list('upscale');
		expect(found.results.map((item) => item.name)).toEqual([expect.stringMatching(/^upscaler \(upscale_4x\)/)]);
	});

	it('says what went wrong when the list cannot be read', async () => {
		await expect(
			listSearch({
				parameters: { resource: 'job', operation: 'get' } as never,
				credentials: { apiToken: 'wrong', apiUrl: ctx.sim.url },
				method: 'searchJobs',
				parameter: 'jobId',
			}),
		).rejects.toThrow('The API token was rejected: check the Ximilar credential');
	});
});

describe('Job > Get with the job', () => {
	it('picked from the list, entered by ID, or saved as plain text by an older workflow', async () => {
		ctx.sim.asyncJobs.jobMs = 0;
		const id = await submit({ type: 'upscaler', endpoint: 'upscale_2x', records: [record('up')] });
		const [picked] = (await list()).results;
		expect(picked.value).toBe(id);
		for (const jobId of [
			{ __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name },
			{ __rl: true, mode: 'id', value: id },
			id,
			'={{ $json.id }}',
		]) {
			const result = await runNode({ parameters: { resource: 'job', operation: 'get', jobId } as never, items: [{ json: { id } }], credentials: ctx.credentials });
			expect(result.error).toBeUndefined();
			expect(result.main[0].json).toEqual(expect.objectContaining({ jobId: id, _id: 'up', image_url: expect.any(String) }));
		}
	});

	it('a job mapped from a field that is empty says how to give one', async () => {
		const jobId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
		const result = await runNode({ parameters: { resource: 'job', operation: 'get', jobId } as never, items: [{ json: {} }], credentials: ctx.credentials });
		expect(result.error?.message).toBe('Job is empty [item 0]');
		expect(result.error?.description).toContain('Pick the job from the list');
		expect(ctx.sim.log).toHaveLength(0);
	});
});
