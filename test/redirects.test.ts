/**
 * The API token goes only to the API URL's host. A second loopback server stands behind a
 * 302 or 307 from the API URL and records what reaches it: for every request path of the
 * node (operations, job polling and reads, paging, the Task list, the credential Test)
 * nothing may reach it, and the error names where the API URL points. Result images, on
 * another host by design, are downloaded without the token.
 */
import type { INodeParameters } from 'n8n-workflow';

import { makePng } from './fixtures/images';
import { testCredential } from './harness/credentialTest';
import { listSearch, runNode, type RunResult } from './harness/engine';
import { urlItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';
import { RecordingServer, SOME_JSON } from './support/recordingServer';

const ctx = useSimulator();
let elsewhere: RecordingServer;
beforeAll(async () => {
	elsewhere = await RecordingServer.start();
});
beforeEach(() => {
	elsewhere.requests.length = 0;
});
afterAll(async () => await elsewhere.close());

/** Every answer to `prefix` (after `skip` normal ones) redirects to the same path on the other host. */
function redirect(status: number, prefix: string, skip = 0): void {
	const moved = { kind: 'status' as const, status, body: {}, headers: { Location: `${elsewhere.url}${prefix}` } };
	ctx.sim.queueFaultsFor(prefix, ...Array.from({ length: skip }, () => ({ kind: 'delay' as const, ms: 0 })), ...Array.from({ length: 20 }, () => moved));
}

const run = async (parameters: Record<string, unknown>, items = urlItems(1)): Promise<RunResult> =>
	await runNode({ parameters: parameters as INodeParameters, items, credentials: ctx.credentials });

const collection = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'collection',
	operation,
	collectionType: 'product',
	collectionId: 'col-1',
	...extra,
});

const CASES: Array<{ name: string; path: string; skip?: number; parameters: Record<string, unknown> }> = [
	{ name: 'Account > Get Details', path: '/account/v2/details/', parameters: { resource: 'account', operation: 'getDetails' } },
	{
		name: 'Image > Recognize (the images in the body)',
		path: '/collectibles/v2/tcg_id',
		parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', imageSource: 'url', imageUrl: '={{ $json.url }}' },
	},
	{
		name: 'Collection > Search',
		path: '/similarity/products-new/v2/visualKNN',
		parameters: collection('search', { queryBy: 'image', imageSource: 'url', imageUrl: '={{ $json.url }}' }),
	},
	{
		name: 'Collection > Insert',
		path: '/similarity/products-new/v2/insert',
		parameters: collection('insert', { recordId: 'r-1', imageSource: 'url', imageUrl: '={{ $json.url }}' }),
	},
	{ name: 'Collection > Get Many (paging)', path: '/similarity/products-new/v2/allRecords', parameters: collection('getAll', { returnAll: true }) },
	{
		name: 'Image > Upscale (the job submit)',
		path: '/account/v2/request/',
		parameters: { resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'url', imageUrl: '={{ $json.url }}', resultMode: 'submit' },
	},
	{
		name: 'Image > Grade Card (polling the job)',
		path: '/account/v2/request/',
		skip: 1,
		parameters: { resource: 'image', operation: 'gradeCard', gradingEndpoint: 'grade', imageSource: 'url', imageUrl: '={{ $json.url }}', waitTimeout: 20 },
	},
	{ name: 'Job > Get', path: '/account/v2/request/job-1', parameters: { resource: 'job', operation: 'get', jobId: 'job-1' } },
	{ name: 'Job > Get Status', path: '/account/v2/request/job-1/status', parameters: { resource: 'job', operation: 'getStatus', jobId: 'job-1' } },
	{ name: 'Job > List (paging)', path: '/account/v2/request/', parameters: { resource: 'job', operation: 'list', returnAll: true } },
];

describe.each([302, 307])('an API URL that answers %i', (status) => {
	it.each(CASES)('$name: nothing reaches the other host, and the error names it', async ({ path, skip, parameters }) => {
		redirect(status, path, skip);
		const result = await run(parameters);
		expect(elsewhere.requests).toEqual([]);
		expect(result.error?.message).toMatch(/^(Job [\w-]+: )?The API URL redirects to http:\/\/127\.0\.0\.1:\d+: put that URL in the credential \[item 0\]$/);
		expect(result.error?.message).toContain(elsewhere.url);
		expect(result.error?.description).toContain('does not follow redirects');
		expect(result.main).toEqual([]);
	});

	it('the Task list: nothing reaches the other host, and the list says why', async () => {
		redirect(status, '/recognition/v2/task/');
		const listing = listSearch({
			parameters: { resource: 'image', operation: 'recognize', service: 'customClassify', task: { __rl: true, mode: 'list', value: '' } },
			credentials: ctx.credentials,
			method: 'searchTasks',
			parameter: 'task',
		});
		await expect(listing).rejects.toThrow(`The API URL redirects to ${elsewhere.url}: put that URL in the credential`);
		expect(elsewhere.requests).toEqual([]);
	});

	it('the credential Test: nothing reaches the other host, and the Test fails naming it', async () => {
		redirect(status, '/account/v2/details/');
		const tested = await testCredential(ctx.credentials);
		expect(tested.status).toBe('Error');
		expect(tested.message).toContain(`The API URL redirects to ${elsewhere.url}: put that URL in the credential`);
		expect(elsewhere.requests).toEqual([]);
	});
});

it('a redirect within the API URL\'s host is not followed either, and says which path moved', async () => {
	const path = '/collectibles/v2/tcg_id';
	ctx.sim.queueFaultsFor(path, { kind: 'status', status: 301, body: {}, headers: { Location: `${ctx.sim.url}/collectibles/v3/tcg_id` } });
	const result = await run(CASES[1].parameters);
	expect(result.error?.message).toBe('Ximilar redirected /collectibles/v2/tcg_id to /collectibles/v3/tcg_id: check the API URL and the endpoint path [item 0]');
	expect(ctx.sim.log.map((entry) => entry.path)).toEqual([path]);
});

it('downloads result images without the token, though the API requests carry it', async () => {
	// The other host plays the API here: it answers a background removal with an image URL of its own.
	const png = makePng(8, 8, 3);
	elsewhere.respond = (request, response) => {
		if (request.method === 'GET' && request.url === '/result.png') {
			response.writeHead(200, { 'Content-Type': 'image/png' });
			response.end(png);
			return;
		}
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ records: [{ _id: 'a', _status: { code: 200, text: 'OK' }, _output_url: `${elsewhere.url}/result.png` }] }));
	};
	try {
		const result = await runNode({
			parameters: {
				resource: 'image', operation: 'recognize', service: 'removeBgFast', imageSource: 'url', imageUrl: '={{ $json.url }}',
				downloadResultImage: true,
			} as INodeParameters,
			items: urlItems(1),
			credentials: { apiToken: 'tok-download-check', apiUrl: elsewhere.url },
		});
		expect(result.error).toBeUndefined();
		expect(result.main[0].binary?.data?.mimeType).toBe('image/png');
		expect(elsewhere.requests.map((request) => [request.method, request.url, request.headers.authorization ?? null])).toEqual([
			['POST', '/removebg/fast/removebg', 'Token tok-download-check'],
			['GET', '/result.png', null],
		]);
	} finally {
		elsewhere.respond = SOME_JSON;
	}
});
