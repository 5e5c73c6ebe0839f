/**
 * The node as an AI-agent tool: the tool variant's parameters, the description
 * the agent reads, and the answers it gets. The parameters are resolved with n8n's own
 * NodeHelpers, runs go through WorkflowExecute with the tool variant as n8n builds it at
 * run time. The real path (n8n 2.8.4, MCP Server Trigger, MCP client) is the e2e "mcp" stage.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { NodeHelpers as NodeHelpers1120 } from 'n8n-workflow-1120';

import { runNode } from './harness/engine';
import { loadPackage } from './harness/package';
import { TOOL_TYPE, ximilarTool } from './harness/toolVariant';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();
const tool = ximilarTool();
const plain = new (loadPackage().Ximilar)();

/**
 * The node runs against the n8n-workflow of the n8n it is installed in: the parameters
 * must resolve the same with n8n 2.8.4's (2.8.0) and n8n 1.123's (1.120.x).
 */
const WORKFLOW_LIBRARIES: Array<[string, typeof NodeHelpers]> = [
	['n8n-workflow 2.8.0 (n8n 2.8.4)', NodeHelpers],
	['n8n-workflow 1.120.31 (n8n 1.123)', NodeHelpers1120 as unknown as typeof NodeHelpers],
];
let helpers = NodeHelpers;

/** Parameters as n8n holds them once defaults are filled in (editor and Workflow constructor alike). */
function resolved(type: typeof tool, parameters: INodeParameters): INodeParameters {
	const node = { name: 'Ximilar', type: type.description.name, typeVersion: 1, parameters } as unknown as INode;
	return helpers.getNodeParameters(type.description.properties, parameters, true, false, node, type.description) ?? {};
}

function agentDescription(parameters: INodeParameters): string {
	const node = { name: 'Recognize', type: TOOL_TYPE, typeVersion: 1, parameters: resolved(tool, parameters) } as unknown as INode;
	return helpers.getToolDescriptionForNode(node, tool);
}

const recognize = { resource: 'image', operation: 'recognize' };

describe.each(WORKFLOW_LIBRARIES)('tool variant parameters with %s', (_name, library) => {
	beforeAll(() => {
		helpers = library;
	});
	afterAll(() => {
		helpers = NodeHelpers;
	});

	it('defaults to an image URL the agent fills, never to a binary file', () => {
		const params = resolved(tool, { ...recognize, service: 'tcgId' });
		expect(params.imageSource).toBe('url');
		expect(params.imageUrl).toMatch(/^=\{\{ .*\$fromAI\('image_url', `[^`]+`, 'string'\) \}\}$/);
		expect(params.binaryPropertyName).toBeUndefined();
		const imageSource = tool.description.properties.filter((p) => p.name === 'imageSource');
		const toolOptions = imageSource.find((p) => p.default === 'url')?.options?.map((o) => ('value' in o ? o.value : ''));
		expect(toolOptions).toEqual(['url', 'base64']);
		expect(resolved(tool, { ...recognize, imageSource: 'base64' }).base64Image).toContain("$fromAI('image_base64'");
	});

	it('leaves the plain node as it was: Binary File by default, no tool description', () => {
		const params = resolved(plain, { ...recognize, service: 'tcgId' });
		expect(params.imageSource).toBe('binary');
		expect(params.binaryPropertyName).toBe('data');
		expect(params.toolDescription).toBeUndefined();
		expect(resolved(plain, { ...recognize, imageSource: 'url' }).imageUrl).toBe('');
	});

	it.each([
		['tcgId', /trading card/i, /name, set, card number.*alternatives by name.*prices/],
		['fashionTags', /fashion item/i, /top category and a list of tags/],
		['productColors', /dominant colors/i, /hex codes/],
		['customClassify', /custom recognition task/i, /best label/],
	])('describes what %s does, what it needs and what comes back', (service, does, returns) => {
		const text = agentDescription({ ...recognize, service });
		expect(text).toMatch(does);
		expect(text).toMatch(/public http\(s\) URL of the image/);
		expect(text).toMatch(returns);
		expect(text).not.toContain('Recognize an image in Ximilar');
	});

	it('describes Account Details and the collection operations', () => {
		expect(agentDescription({ resource: 'account', operation: 'getDetails' })).toMatch(/credits used.*costs no credit/);
		expect(agentDescription({ resource: 'collection', operation: 'search' })).toMatch(/most similar to a photo/);
	});

	it('has a description of its own for every operation and every service, none left to n8n\'s generic text', () => {
		const props = tool.description.properties;
		const resources = (props.find((p) => p.name === 'resource')?.options ?? []).map((o) => String('value' in o ? o.value : ''));
		const services = (props.find((p) => p.name === 'service')?.options ?? []).map((o) => String('value' in o ? o.value : ''));
		const missing: string[] = [];
		for (const resource of resources) {
			const operations = props.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
			for (const option of operations?.options ?? []) {
				const operation = String('value' in option ? option.value : '');
				for (const service of resource === 'image' && operation === 'recognize' ? services : [undefined]) {
					const params = { resource, operation, ...(service ? { service } : {}) };
					const text = String(resolved(tool, params).toolDescription ?? '');
					if (text.length < 40 || / in Ximilar$/.test(text)) missing.push(`${resource}.${operation}${service ? `.${service}` : ''}`);
				}
			}
		}
		expect(resources.length).toBeGreaterThan(2);
		expect(services.length).toBeGreaterThan(10);
		expect(missing).toEqual([]);
	});

	it('follows the service when the user switches it in the editor, and keeps a text the user wrote', () => {
		// What n8n's editor does on a parameter change: drop values equal to their default, set the new value, fill defaults again.
		const change = (current: INodeParameters, name: string, value: string) => {
			const node = { name: 'Ximilar', type: TOOL_TYPE, typeVersion: 1, parameters: current } as unknown as INode;
			const own = helpers.getNodeParameters(tool.description.properties, current, false, false, node, tool.description) ?? {};
			return resolved(tool, { ...own, [name]: value });
		};
		const card = resolved(tool, { ...recognize, service: 'tcgId' });
		const fashion = change(card, 'service', 'fashionTags');
		expect(fashion.toolDescription).toMatch(/fashion item/i);
		const written = change(card, 'toolDescription', 'Use for Pokémon cards only.');
		expect(change(written, 'service', 'sportId').toolDescription).toBe('Use for Pokémon cards only.');
	});

	it('gives the tool variant its own node description through usableAsTool replacements', () => {
		const usable = plain.description.usableAsTool;
		expect(typeof usable === 'object' && usable.replacements?.description).toMatch(/AI agent/);
	});
});

describe('tool answers', () => {
	const runTool = async (parameters: IDataObject, args: IDataObject) =>
		await runNode({
			parameters: parameters as INodeParameters,
			items: [{ json: args }],
			credentials: ctx.credentials,
			nodeType: tool,
			nodeTypeName: TOOL_TYPE,
		});

	/** The same image through the plain node, for what the agent's row should be made of. */
	const plainRun = async (url: string, output: 'allColumns' | 'raw') =>
		(
			await runNode({
				parameters: { ...recognize, service: 'tcgId', imageSource: 'url', imageUrl: url, output } as INodeParameters,
				items: [{ json: {} }],
				credentials: ctx.credentials,
			})
		).main[0].json;

	it('answers one compact row per image: no made-up _id, no request ids, alternatives by name only when unsure', async () => {
		const seen = { high: 0, unsure: 0 };
		for (let i = 0; i < 8; i++) {
			const url = `https://img.example.com/agent-card-${i}.jpg`;
			const result = await runTool({ ...recognize, service: 'tcgId' }, { image_url: url });
			expect(result.error).toBeUndefined();
			expect(result.main).toHaveLength(1);
			const row = result.main[0].json;
			const simplified = await plainRun(url, 'allColumns');
			const raw = await plainRun(url, 'raw');
			expect(row.name).toBe(simplified.name);
			expect(row.confidence).toBe(simplified.confidence);
			for (const key of ['_id', '_status', '_url', 'distance', 'link_site']) expect(row).not.toHaveProperty(key);
			expect(JSON.stringify(row)).not.toContain('request_id');
			expect(Object.values(row)).not.toContain(null);
			const identification = ((raw._objects as IDataObject[]).find((o) => o._identification)?._identification ?? {}) as IDataObject;
			const names = (identification.alternatives as IDataObject[]).map((m) => m.full_name ?? m.name).slice(0, 3);
			if (row.confidence === 'high') {
				seen.high++;
				expect(row).not.toHaveProperty('alternatives');
			} else {
				seen.unsure++;
				expect(row.alternatives).toEqual(names);
			}
		}
		// Both cases were exercised by these images.
		expect(seen.high).toBeGreaterThan(0);
		expect(seen.unsure).toBeGreaterThan(0);
		// The agent's URL reached Ximilar as given, one record per call.
		const requests = ctx.sim.log.filter((entry) => entry.path === '/collectibles/v2/tcg_id');
		expect(requests.every((entry) => entry.recordCount === 1)).toBe(true);
	});

	it('keeps the _id when the tool sends a Record ID', async () => {
		const result = await runTool({ ...recognize, service: 'tcgId', recordId: 'sku-42' }, { image_url: 'https://img.example.com/a.jpg' });
		expect(result.main[0].json._id).toBe('sku-42');
	});

	it('includes prices when the tool asks for them', async () => {
		const params = { ...recognize, service: 'tcgId', serviceOptions: { priceStats: true, pricing: true } };
		const row = (await runTool(params, { image_url: 'https://img.example.com/priced.jpg' })).main[0].json;
		expect(row.price_median).toEqual(expect.any(Number));
		expect(row.price_currency).toEqual(expect.any(String));
		expect(row.listing_median).toEqual(expect.any(Number));
		const plainRow = (await runTool({ ...recognize, service: 'tcgId' }, { image_url: 'https://img.example.com/priced.jpg' })).main[0].json;
		expect(plainRow).not.toHaveProperty('price_median');
	});

	it('answers a URL Ximilar cannot download with one sentence, without item number or batch wording', async () => {
		const result = await runTool({ ...recognize, service: 'tcgId' }, { image_url: `${ctx.sim.url}/samples/missing.jpg` });
		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(1);
		const { error, ...rest } = result.main[0].json;
		expect(rest).toEqual({});
		expect(error).toMatch(/^Ximilar could not process .*download.*\.$/i);
		expect(error).not.toMatch(/item|other|request/i);
	});

	it('answers a URL refused before sending the same way, costing nothing', async () => {
		const result = await runTool({ ...recognize, service: 'tcgId' }, { image_url: 'ftp://example.com/a.jpg' });
		expect(result.main[0].json).toEqual({ error: expect.stringMatching(/^The image URL must start with http/) });
		expect(ctx.sim.log.filter((entry) => entry.path === '/collectibles/v2/tcg_id')).toHaveLength(0);
	});

	it('answers Account Details without any argument', async () => {
		const result = await runTool({ resource: 'account', operation: 'getDetails' }, {});
		expect(result.main[0].json).toMatchObject({ credits_limit: 100_000 });
	});

	it('answers a rejected token as one sentence too', async () => {
		const result = await runNode({
			parameters: { resource: 'account', operation: 'getDetails' },
			items: [{ json: {} }],
			credentials: { ...ctx.credentials, apiToken: 'wrong' },
			nodeType: tool,
			nodeTypeName: TOOL_TYPE,
		});
		expect(result.main[0].json).toEqual({ error: expect.stringMatching(/token.*rejected/i) });
		expect(String(result.main[0].json.error)).not.toContain('wrong');
	});
});

describe('single-item wording of the plain node', () => {
	const run = async (urls: string[]) =>
		await runNode({
			parameters: { ...recognize, service: 'tcgId', imageSource: 'url', imageUrl: '={{ $json.url }}' } as INodeParameters,
			items: urls.map((url) => ({ json: { url } })),
			credentials: ctx.credentials,
			onError: 'continueRegularOutput',
		});

	it('an error item speaks of its own image only: the others are items beside it (what they became is said only when the node stops: stopAtFailure.test.ts)', async () => {
		const missing = `${ctx.sim.url}/samples/missing.jpg`;
		const alone = (await run([missing])).main[0].json;
		expect(alone.error).toMatch(/could not process/);
		expect(alone.errorDescription).toBe('Check that the URL is public and links straight to an image file, not a web page.');
		const together = (await run(['https://img.example.com/ok.jpg', missing])).main;
		expect(together[0].json.error).toBeUndefined();
		expect(together[1].json.errorDescription).toBe('Check that the URL is public and links straight to an image file, not a web page.');
	});
});
