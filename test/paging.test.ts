/**
 * Paging is bounded: Collection > Get Many and Job > List stop at the page cap and on a
 * `next` named before, say so in a hint above the output, and check Limit as the panel
 * declares it (a Limit of `abc` never becomes `size=NaN`). A loopback server plays a
 * Ximilar that always has a next page; the simulator plays the normal one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode, type RunResult } from './harness/engine';
import { useSimulator } from './harness/useSimulator';
import { failureOf } from './support/outputs';

const ctx = useSimulator();
const MAX_PAGES = 1000;
/** Without a cap the node would read for ever: the server gives up well after the cap, so such a run ends (and fails). */
const SERVER_GIVES_UP_AFTER = 3 * MAX_PAGES;

interface EndlessApi {
	url: string;
	/** Every page asked for, in order. */
	pages: number[];
	queries: string[];
	close(): Promise<void>;
}

/** A Ximilar whose lists never end: every answer names a next page (`next` chooses which). */
async function endlessApi(next: (page: number, url: string) => unknown): Promise<EndlessApi> {
	const pages: number[] = [];
	const queries: string[] = [];
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const page = Number(url.searchParams.get('page'));
		pages.push(page);
		queries.push(url.search);
		req.resume();
		req.on('end', () => {
			const more = page < SERVER_GIVES_UP_AFTER ? { next: next(page, `http://127.0.0.1${url.pathname}`) } : {};
			const record = { _id: `rec-${page}` };
			const body = url.pathname.endsWith('/allRecords')
				? { answer_records: [record], answer_count: 1e9, ...more }
				: { count: 1e9, results: [{ id: `job-${page}`, status: 'DONE', type: 'upscaler' }], previous: null, next: null, ...more };
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		pages,
		queries,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const getMany = (extra: Record<string, unknown> = {}) => ({
	resource: 'collection',
	operation: 'getAll',
	collectionType: 'product',
	collectionId: 'c-1',
	...extra,
});
const jobList = (extra: Record<string, unknown> = {}) => ({ resource: 'job', operation: 'list', ...extra });

async function runAgainst(api: EndlessApi, parameters: Record<string, unknown>, items = 1): Promise<RunResult> {
	return await runNode({
		parameters: parameters as never,
		items: Array.from({ length: items }, (_, row) => ({ json: { row } })),
		credentials: { apiToken: 'any-token', apiUrl: api.url },
		onError: 'continueRegularOutput',
	});
}

describe.each([
	// Get Many lists once per run; Job > List once per item, so its hint names the item as n8n does.
	['Collection > Get Many', getMany({ returnAll: true }), 'Get Many may be incomplete', '.'],
	['Job > List', jobList({ returnAll: true }), 'Job > List may be incomplete', ' [item 0]'],
])('%s against a server that always answers with a next page', (_name, parameters, hintStart, hintEnd) => {
	it(`stops at ${MAX_PAGES} pages, outputs what it read, and says so in a hint`, async () => {
		const api = await endlessApi((page, base) => `${base}?page=${page + 1}`);
		try {
			const result = await runAgainst(api, parameters);
			expect(api.pages).toEqual(Array.from({ length: MAX_PAGES }, (_, i) => i + 1));
			expect(result.error).toBeUndefined();
			expect(result.main).toHaveLength(MAX_PAGES);
			expect(result.main.every((item) => failureOf(item) === undefined)).toBe(true);
			expect(result.hints).toEqual([
				{
					message: `${hintStart}: the listing stopped after ${MAX_PAGES} pages (${MAX_PAGES} results), the most the node reads in one run, although Ximilar named a next page${hintEnd}`,
					type: 'warning',
					location: 'outputPane',
				},
			]);
		} finally {
			await api.close();
		}
	});

	it('stops when an answer names a next page it named before', async () => {
		const api = await endlessApi((page, base) => `${base}?page=${Math.min(page + 1, 3)}`);
		try {
			const result = await runAgainst(api, parameters);
			// Page 2 names page 3, page 3 names page 3 again: no fourth request.
			expect(api.pages).toEqual([1, 2, 3]);
			expect(result.main).toHaveLength(3);
			expect(result.hints.map((hint) => hint.message)).toEqual([
				expect.stringMatching(new RegExp(`^${hintStart}: Ximilar's answer to page 3 named a next page it had named before \\(http://127\\.0\\.0\\.1/.*page=3\\), so the listing stopped after 3 results${hintEnd.replace(/[.[\]]/g, '\\$&')}$`)),
			]);
		} finally {
			await api.close();
		}
	});
});

describe('a complete listing', () => {
	it('gives no hint and reads every page (the simulator: 250 records, 3 pages)', async () => {
		ctx.sim.createCollection('c-1');
		for (let i = 0; i < 250; i++) ctx.sim.collection('c-1').set(`r-${i}`, { _id: `r-${i}` });
		const result = await runNode({ parameters: getMany({ returnAll: true }) as never, credentials: ctx.credentials });
		expect(result.main).toHaveLength(250);
		expect(result.hints).toEqual([]);
		expect(ctx.sim.log.map((entry) => entry.query)).toEqual(['size=100&page=1', 'size=100&page=2', 'size=100&page=3']);
	});
});

describe('Limit, checked as the panel declares it (a whole number, at least 1)', () => {
	it.each([
		['abc', '"abc"'],
		['2.5', '"2.5"'],
		['0', '"0"'],
		['', '""'],
	])('Get Many with a Limit of %j from an expression fails every item before any request', async (limit, shown) => {
		const result = await runNode({
			parameters: getMany({ returnAll: false, limit: '={{ $json.limit }}' }) as never,
			items: [{ json: { limit } }, { json: { limit } }],
			credentials: ctx.credentials,
			onError: 'continueRegularOutput',
		});
		expect(result.main.map((item) => failureOf(item)?.message)).toEqual(
			[0, 1].map((i) => `Limit must be a whole number of at least 1 (got ${shown}) [item ${i}]`),
		);
		expect(failureOf(result.main[0])?.description).toMatch(/Return All/);
		expect(ctx.sim.log).toHaveLength(0);
	});

	it('Job > List checks each item\'s Limit: a bad one fails that item only', async () => {
		const result = await runNode({
			parameters: jobList({ returnAll: false, limit: '={{ $json.limit }}' }) as never,
			items: [{ json: { limit: 2 } }, { json: { limit: 'abc' } }, { json: { limit: '3' } }],
			credentials: ctx.credentials,
			onError: 'continueRegularOutput',
		});
		const failures = result.main.flatMap((item) => failureOf(item)?.message ?? []);
		expect(failures).toEqual(['Limit must be a whole number of at least 1 (got "abc") [item 1]']);
		// Items 0 and 2 were listed (the simulator has no jobs yet), item 1 sent nothing.
		expect(ctx.sim.log.map((entry) => [entry.path, entry.query])).toEqual([
			['/account/v2/request/', 'page=1'],
			['/account/v2/request/', 'page=1'],
		]);
	});

	it('a Limit from an expression that is a number in text is taken as that number', async () => {
		ctx.sim.createCollection('c-1');
		for (let i = 0; i < 30; i++) ctx.sim.collection('c-1').set(`r-${i}`, { _id: `r-${i}` });
		const result = await runNode({
			parameters: getMany({ returnAll: false, limit: '={{ $json.limit }}' }) as never,
			items: [{ json: { limit: '7' } }],
			credentials: ctx.credentials,
		});
		expect(result.main).toHaveLength(7);
		expect(ctx.sim.log.map((entry) => entry.query)).toEqual(['size=7&page=1']);
	});
});
