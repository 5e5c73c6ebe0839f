/**
 * Inputs are normalised the same way everywhere: the API token is trimmed in runs and
 * in the Task list as the credential's Test trims it; values that go into HTTP headers
 * are refused when they hold a line break; the image URL checked is the URL sent; URL-safe
 * base64 is converted; a record larger than Max Request Size is refused before sending.
 * (The bad-input catalogue, test/support/badInputCases.ts, holds the refusals that fit its shape.)
 */
import { testCredential } from './harness/credentialTest';
import { listSearch, runNode } from './harness/engine';
import { makeJpeg } from './fixtures/images';
import { bigImageItem, pngItems, urlItems } from './harness/items';
import { loadPackage } from './harness/package';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { dump, failureOf } from './support/outputs';

const ctx = useSimulator();
const TCG = '/collectibles/v2/tcg_id';

describe('the API token, trimmed as the credential Test trims it', () => {
	const padded = () => ({ ...ctx.credentials, apiToken: `  ${ctx.sim.token}\n` });

	it('a token pasted with a trailing newline passes the Test and works in runs', async () => {
		expect((await testCredential(padded())).status).toBe('OK');
		const details = await runNode({ parameters: { resource: 'account', operation: 'getDetails' }, credentials: padded() });
		expect(details.error).toBeUndefined();
		expect(details.main[0].json.email).toBe('simulator@example.com');
		const recognized = await runNode({ parameters: urlRecognizeParameters({ output: 'allColumns' }) as never, items: urlItems(2), credentials: padded() });
		expect(recognized.error).toBeUndefined();
		expect(recognized.main.map((item) => item.json.status_code)).toEqual([200, 200]);
		expect(ctx.sim.headersSeen.map((headers) => headers.authorization)).toEqual(
			ctx.sim.log.map(() => `Token ${ctx.sim.token}`),
		);
	});

	it('the Task list (the credential\'s authenticate block) trims it too', async () => {
		const tasks = await listSearch({
			parameters: { resource: 'image', operation: 'recognize', service: 'customClassify', task: { __rl: true, mode: 'list', value: '' } } as never,
			credentials: padded(),
			method: 'searchTasks',
			parameter: 'task',
		});
		expect(tasks.results.length).toBeGreaterThan(0);
		expect(ctx.sim.headersSeen[0].authorization).toBe(`Token ${ctx.sim.token}`);
	});

	it('a token with a line break inside is refused by name, in the Test and in runs, before any request', async () => {
		const broken = { ...ctx.credentials, apiToken: `${ctx.sim.token.slice(0, 6)}\n${ctx.sim.token.slice(6)}` };
		const tested = await testCredential(broken);
		expect(tested).toMatchObject({ status: 'Error', message: expect.stringMatching(/^The API token contains a line break/) });
		const result = await runNode({ parameters: urlRecognizeParameters() as never, items: urlItems(2), credentials: broken, onError: 'continueRegularOutput' });
		expect(result.main.map((item) => failureOf(item)?.message)).toEqual([0, 1].map((i) => `The API token in the Ximilar credential contains a line break, which cannot be sent in an HTTP header [item ${i}]`));
		expect(failureOf(result.main[0])?.description).toMatch(/Copy the token again/);
		expect(ctx.sim.log).toHaveLength(0);
		expect(dump(result)).not.toContain(ctx.sim.token.slice(6));
	});
});

describe('values the node puts in a header', () => {
	const webhook = {
		resource: 'image',
		operation: 'upscale',
		upscaleEndpoint: 'upscale_2x',
		imageSource: 'binary',
		binaryPropertyName: 'data',
		resultMode: 'webhook',
		webhookUrl: 'https://n8n.example.com/webhook/ximilar',
	};

	it.each([
		['a Header Name with a line break', { headerName: 'X-Secret\r\nX-Other', secret: 'pssst' }, /^Header Name of the Ximilar Webhook credential "X-Secret  X-Other" is not a valid HTTP header name \[item 0\]$/],
		['a Header Name with a space', { headerName: 'X Secret', secret: 'pssst' }, /^Header Name of the Ximilar Webhook credential "X Secret" is not a valid HTTP header name \[item 0\]$/],
		['a Secret with a line break', { headerName: 'X-Secret', secret: 'pssst\nX-Other: 1' }, /^The Secret of the Ximilar Webhook credential contains a line break, which cannot be sent in an HTTP header \[item 0\]$/],
		['an empty Secret', { headerName: 'X-Secret', secret: '  ' }, /^The Secret of the Ximilar Webhook credential is empty \[item 0\]$/],
	])('refuses %s (Ximilar sends it back as a header) before any job is submitted', async (_name, webhookCredential, message) => {
		const result = await runNode({ parameters: webhook as never, items: pngItems(2), credentials: ctx.credentials, webhookCredential, onError: 'continueRegularOutput' });
		expect(result.main).toHaveLength(2);
		expect(failureOf(result.main[0])?.message).toMatch(message);
		expect(failureOf(result.main[1])?.message).toMatch(/\[item 1\]$/);
		expect(failureOf(result.main[0])?.description).toMatch(/Ximilar Webhook credential/);
		expect(ctx.sim.log).toHaveLength(0);
	});
});

describe('the image URL sent is the one checked', () => {
	it('trims it and encodes spaces and non-ASCII characters as a browser would', async () => {
		const urls = [' https://img.example.com/my cards/karta č.jpg\t', 'https://bücher.example/a.jpg?q=ä b'];
		const result = await runNode({
			parameters: urlRecognizeParameters() as never,
			items: urls.map((url, row) => ({ json: { row, url } })),
			credentials: ctx.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.lastBody(TCG).records.map((record: { _url: string }) => record._url)).toEqual([
			'https://img.example.com/my%20cards/karta%20%C4%8D.jpg',
			'https://xn--bcher-kva.example/a.jpg?q=%C3%A4%20b',
		]);
	});
});

describe('URL-safe base64', () => {
	it('is converted to standard, padded base64 and recognized like any other image', async () => {
		const urlSafe = (bytes: Buffer) => bytes.toString('base64url'); // '-' and '_', no padding
		const images = [1, 2, 3].map((seed) => makeJpeg(seed, 17, 13));
		expect(images.map(urlSafe).join('')).toMatch(/[-_]/);
		expect(images.some((image) => image.length % 3 !== 0)).toBe(true); // so padding is added
		const result = await runNode({
			parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', imageSource: 'base64', base64Image: '={{ $json.b64 }}', output: 'allColumns' } as never,
			items: images.map((image, row) => ({ json: { row, b64: urlSafe(image) } })),
			credentials: ctx.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.main.map((item) => item.json.status_code)).toEqual([200, 200, 200]);
		expect(ctx.sim.lastBody(TCG).records.map((record: { _base64Length: number }) => record._base64Length)).toEqual(
			images.map((image) => image.toString('base64').length),
		);
	});
});

describe('a record larger than Max Request Size', () => {
	it('as a Search query: refused before sending, with its size and the option that Search offers to raise', async () => {
		ctx.sim.createCollection('c-1');
		const result = await runNode({
			parameters: {
				resource: 'collection',
				operation: 'search',
				collectionType: 'product',
				collectionId: 'c-1',
				queryBy: 'image',
				imageSource: 'binary',
				binaryPropertyName: 'data',
				options: { maxRequestSizeMb: 0.1 },
			} as never,
			items: [bigImageItem(150_000, 0), ...pngItems(1, 1)],
			credentials: ctx.credentials,
			onError: 'continueRegularOutput',
		});
		expect(failureOf(result.main[0])?.message).toMatch(/^The image is 0\.2 MB in the request .*more than Max Request Size \(0\.1 MB\) \[item 0\]$/);
		expect(failureOf(result.main[1])).toBeUndefined();
		expect(ctx.sim.log).toHaveLength(1);
		const { Ximilar } = loadPackage();
		const searchOptions = new Ximilar().description.properties.find(
			(property) => property.name === 'options' && property.displayOptions?.show?.operation?.includes('search'),
		);
		expect(searchOptions?.options?.map((option) => ('name' in option ? option.name : ''))).toContain('maxRequestSizeMb');
	});
});
