/**
 * The Recognize panel shows its parameters, and a small workflow (Manual Trigger -> Code
 * with three card photo URLs -> Ximilar Recognize) run from the editor fills the output table.
 */
import type { Page } from 'puppeteer-core';

import type { XimilarSimulator } from '../../test/simulator';
import { NODE_TYPE } from '../lib/config';
import { check, checkEqual, show } from '../lib/report';
import { clickWhenVisible, goto, openNodeDetails, type PageElement, screenshot, sel, waitForText } from './editor';
import type { N8nServer } from './n8nServer';

const CARDS = ['card-1', 'card-2', 'card-3'];

function cardWorkflow(sim: XimilarSimulator, credential: { id: string; name: string }) {
	const urls = CARDS.map((sku) => ({ sku, url: `${sim.url}/samples/${sku}.png` }));
	return {
		name: 'Browser e2e: recognize card photos',
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'photos',
				name: 'Card Photos',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(urls)}.map((json) => ({ json }));` },
			},
			{
				id: 'ximilar',
				name: 'Ximilar',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'image',
					operation: 'recognize',
					service: 'tcgId',
					imageSource: 'url',
					imageUrl: '={{ $json.url }}',
					recordId: '={{ $json.sku }}',
				},
				credentials: { ximilarApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Card Photos', type: 'main', index: 0 }]] },
			'Card Photos': { main: [[{ node: 'Ximilar', type: 'main', index: 0 }]] },
		},
		settings: {},
	};
}

async function outputTable(page: Page): Promise<{ headers: string[]; rows: string[][] }> {
	return await page.$eval(`${sel('output-panel')} table`, (element) => {
		const table = element as unknown as PageElement;
		const text = (cell: PageElement) => cell.innerText.replace(/\s+/g, ' ').trim();
		return {
			headers: Array.from(table.querySelectorAll('thead th')).map(text),
			rows: Array.from(table.querySelectorAll('tbody tr')).map((row) => Array.from(row.querySelectorAll('td')).map(text)),
		};
	});
}

export async function checkRecognizeRun(page: Page, server: N8nServer, sim: XimilarSimulator, credential: { id: string; name: string }): Promise<void> {
	const workflow = await server.rest<{ id: string }>('POST', '/workflows', cardWorkflow(sim, credential));
	await goto(page, `${server.url}/workflow/${workflow.id}`);

	await openNodeDetails(page, 'Ximilar');
	const expected = ['resource', 'operation', 'service', 'imageSource', 'imageUrl', 'recordId'];
	await page.waitForSelector(sel('parameter-input-service'), { visible: true });
	const shown = await page.$$eval('[data-test-id^="parameter-input-"]', (inputs) => inputs.map((input) => input.getAttribute('data-test-id')!.slice('parameter-input-'.length)));
	const service = await page.$eval(`${sel('parameter-input-service')} input`, (input) => (input as unknown as PageElement).value);
	check(
		'browser: the Recognize panel shows Resource, Operation, Service, Image Source, Image URL and Record ID',
		expected.every((name) => shown.includes(name)) && service === 'Trading Card Identification',
		`inputs ${show(shown.slice(0, 12))}, service "${service}"`,
	);
	await screenshot(page, 'recognize-panel');
	await clickWhenVisible(page, sel('ndv-close-button'));
	await page.waitForSelector(sel('ndv'), { hidden: true });

	const before = sim.log.length;
	await clickWhenVisible(page, sel('execute-workflow-button'));
	// The canvas labels each connection with its item count once the node has run.
	const canvas = await waitForText(page, sel('canvas'), (text) => (text.match(/3 items/g) ?? []).length >= 2, 60_000);
	check('browser: the workflow runs from the editor ("Execute workflow")', (canvas.match(/3 items/g) ?? []).length >= 2, canvas.slice(0, 300));
	const requests = sim.log.slice(before).filter((entry) => entry.path === '/collectibles/v2/tcg_id');
	checkEqual('browser: the run sent the 3 card photos in one request', requests.map((entry) => entry.status), [200]);

	await openNodeDetails(page, 'Ximilar');
	await page.waitForSelector(`${sel('output-panel')} table`, { visible: true, timeout: 30_000 });
	const table = await outputTable(page);
	const rowIds = table.rows.map((cells) => CARDS.find((sku) => cells.includes(sku)));
	check(
		'browser: the output table shows one row per card photo, in input order',
		table.rows.length === CARDS.length && JSON.stringify(rowIds) === JSON.stringify(CARDS),
		`headers ${show(table.headers)}, rows ${show(table.rows)}`,
	);
	await screenshot(page, 'output-table');
}
