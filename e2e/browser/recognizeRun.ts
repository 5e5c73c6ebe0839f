/**
 * The Recognize panel shows its parameters; Include Prices, added from the card services'
 * "Add Prices or Another Option" button, starts on; a small workflow (Manual Trigger -> Code
 * with three card photo URLs -> Ximilar Recognize) run from the editor fills the output table
 * with the Simplified columns (the README's picture).
 */
import type { Page } from 'puppeteer-core';

import type { XimilarSimulator } from '../../test/simulator';
import { NODE_TYPE } from '../lib/config';
import { check, checkEqual, show } from '../lib/report';
import { clickWhenVisible, goto, openNodeDetails, outputHeaders, type PageElement, screenshot, sel, waitForText } from './editor';
import type { N8nServer } from './n8nServer';

const CARDS = ['card-1', 'card-2', 'card-3'];

/** Manual Trigger -> Code giving one item per photo ({sku, url}) -> Ximilar Recognize (trading cards, by URL, Record ID = sku). */
export function cardPhotosWorkflow(name: string, photos: Array<{ sku: string; url: string }>, credential: { id: string; name: string }) {
	return {
		name,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} } as Record<string, unknown>,
			{
				id: 'photos',
				name: 'Card Photos',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(photos)}.map((json) => ({ json }));` },
			},
			{
				id: 'ximilar',
				name: 'Ximilar',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', imageSource: 'url', imageUrl: '={{ $json.url }}', recordId: '={{ $json.sku }}' },
				credentials: { ximilarApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Card Photos', type: 'main', index: 0 }]] },
			'Card Photos': { main: [[{ node: 'Ximilar', type: 'main', index: 0 }]] },
		} as Record<string, unknown>,
		settings: {},
	};
}

function cardWorkflow(sim: XimilarSimulator, credential: { id: string; name: string }) {
	const photos = CARDS.map((sku) => ({ sku, url: `${sim.url}/samples/${sku}.png` }));
	return cardPhotosWorkflow('Browser e2e: recognize card photos', photos, credential);
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

/** Service Options > "Add Prices or Another Option" > Include Prices: it starts on. */
async function addIncludePrices(page: Page): Promise<void> {
	const button = await page.waitForSelector(`${sel('collection-parameter-add')}`, { visible: true });
	// The button is a select whose text is its placeholder.
	const label = await button!.evaluate((element) => {
		const input = element.querySelector('input') as unknown as { placeholder?: string } | null;
		return (input?.placeholder || element.textContent || '').trim();
	});
	await button!.click();
	// A click on an option while the list is still opening can be lost (the list stays open,
	// nothing added): the option is clicked again until its switch shows.
	const toggleSelector = `${sel('parameter-input-pricing')} .el-switch`;
	const deadline = Date.now() + 15_000;
	let picked = false;
	let toggle = await page.$(toggleSelector);
	while (!toggle && Date.now() < deadline) {
		for (const option of await page.$$(sel('collection-parameter-option'))) {
			if ((await option.evaluate((element) => (element as unknown as PageElement).innerText.trim())) !== 'Include Prices') continue;
			await option.click();
			picked = true;
			break;
		}
		toggle = await page.waitForSelector(toggleSelector, { visible: true, timeout: picked ? 2_000 : 250 }).catch(() => null);
	}
	if (!toggle) toggle = await page.waitForSelector(toggleSelector, { visible: true });
	const on = await toggle!.evaluate((element) => (element.getAttribute('class') ?? '').includes('is-checked'));
	check('browser: the card services offer prices on their options button, and Include Prices starts on when added', label === 'Add Prices or Another Option' && picked && on, `button "${label}", added ${picked}, on ${on}`);
	await screenshot(page, 'include-prices');
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
		'browser: the Recognize panel shows Resource, Operation, Service, Image Source, Image URL and Image ID',
		expected.every((name) => shown.includes(name)) && service === 'Trading Card Identification',
		`inputs ${show(shown.slice(0, 12))}, service "${service}"`,
	);
	await screenshot(page, 'recognize-panel');
	await addIncludePrices(page);
	await clickWhenVisible(page, sel('ndv-close-button'));
	await page.waitForSelector(sel('ndv'), { hidden: true });

	const before = sim.log.length;
	await clickWhenVisible(page, sel('execute-workflow-button'));
	// The canvas labels each connection with its item count once the node has run.
	const canvas = await waitForText(page, sel('canvas'), (text) => (text.match(/3 items/g) ?? []).length >= 2, 60_000);
	check('browser: the workflow runs from the editor ("Execute workflow")', (canvas.match(/3 items/g) ?? []).length >= 2, canvas.slice(0, 300));
	const requests = sim.log.slice(before).filter((entry) => entry.path === '/collectibles/v2/tcg_id');
	checkEqual('browser: the run sent the 3 card photos in one request', requests.map((entry) => entry.status), [200]);
	checkEqual('browser: ... asking for prices, as added in the panel', (sim.lastBody('/collectibles/v2/tcg_id') as { pricing?: unknown } | undefined)?.pricing, true);

	await openNodeDetails(page, 'Ximilar');
	await page.waitForSelector(`${sel('output-panel')} table`, { visible: true, timeout: 30_000 });
	checkEqual('browser: the output table shows the Simplified columns', await outputHeaders(page), ['name', 'set', 'card_number', 'year', 'confidence', 'price', 'currency', 'link', '_id']);
	const table = await outputTable(page);
	const rowIds = table.rows.map((cells) => CARDS.find((sku) => cells.includes(sku)));
	check(
		'browser: the output table shows one row per card photo, in input order, each with its price',
		table.rows.length === CARDS.length && JSON.stringify(rowIds) === JSON.stringify(CARDS) && table.rows.every((cells) => /^\d/.test(cells[5] ?? '')),
		`headers ${show(table.headers)}, rows ${show(table.rows)}`,
	);
	// Widen the output panel (drag the parameters panel to the left), so the picture shows every column.
	const handle = await page.$(sel('panel-drag-button'));
	const box = await handle?.boundingBox();
	if (box) {
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		for (let step = 1; step <= 15; step++) await page.mouse.move(box.x + box.width / 2 - (380 * step) / 15, box.y + box.height / 2);
		await page.mouse.up();
	}
	await screenshot(page, 'output-table');
}
