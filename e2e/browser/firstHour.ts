/**
 * A no-code user's first hour, in the editor: a Manual Trigger, three card photo URLs (the
 * third a broken link), Recognize, and an Edit Fields node after it.
 *   - Before any run, the Edit Fields input panel shows the fields Recognize outputs (its
 *     `__schema__` file, served by n8n), and one is mapped by drag and drop.
 *   - The canvas says "Recognize: Trading Card Identification".
 *   - Run with On Error "Stop Workflow": the error names the third image once, as n8n counts
 *     items ("[item 2]"), and says the two others were processed and billed and how to keep them.
 *   - Settings > On Error > "Continue (using error output)", run again: two cards on the success
 *     branch, the broken one on the error branch.
 *   - Output: Simplified by default (9 fields a card row is mapped by), All Columns when chosen.
 */
import type { Page } from 'puppeteer-core';

import type { XimilarSimulator } from '../../test/simulator';
import { NODE_TYPE } from '../lib/config';
import { check, checkEqual, show } from '../lib/report';
import {
	chooseOption,
	clickWhenVisible,
	dragOnto,
	goto,
	openNodeDetails,
	optionsOf,
	outputHeaders,
	screenshot,
	sel,
	textOf,
	waitForText,
} from './editor';
import type { N8nServer } from './n8nServer';
import { cardPhotosWorkflow } from './recognizeRun';

const SIMPLIFIED = ['name', 'set', 'card_number', 'year', 'confidence', 'price', 'currency', 'link', '_id'];
const TCG = '/collectibles/v2/tcg_id';

function firstHourWorkflow(sim: XimilarSimulator, credential: { id: string; name: string }) {
	const photos = [
		{ sku: 'card-1', url: `${sim.url}/samples/card-1.png` },
		{ sku: 'card-2', url: `${sim.url}/samples/card-2.png` },
		{ sku: 'card-3', url: 'https://photos.unreachable.invalid/card-3.jpg' },
	];
	const workflow = cardPhotosWorkflow('Browser e2e: a first hour with card photos', photos, credential);
	// A node after Ximilar, to map its fields into before any run.
	workflow.nodes.push({ id: 'row', name: 'Sheet Row', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [660, 0], parameters: { assignments: { assignments: [] }, options: {} } });
	workflow.connections.Ximilar = { main: [[{ node: 'Sheet Row', type: 'main', index: 0 }]] };
	return workflow;
}

async function closeDetails(page: Page): Promise<void> {
	await clickWhenVisible(page, sel('ndv-close-button'));
	await page.waitForSelector(sel('ndv'), { hidden: true });
}

/** Before any run: the next node's input panel lists Recognize's fields, and one is mapped by dragging it. */
async function mapBeforeAnyRun(page: Page, server: N8nServer): Promise<void> {
	const schemaUrl = `${server.url}/schemas/${NODE_TYPE}/1.0.0/image/recognize.json`;
	const served = await fetch(schemaUrl);
	const schema = (await served.json().catch(() => ({}))) as { properties?: Record<string, unknown> };
	check(
		'browser: n8n serves the package\'s output schema for Recognize (GET /schemas/n8n-nodes-ximilar.ximilar/1.0.0/image/recognize.json)',
		served.status === 200 && SIMPLIFIED.every((field) => schema.properties?.[field] !== undefined),
		`HTTP ${served.status}, fields ${show(Object.keys(schema.properties ?? {}).slice(0, 12))}`,
	);
	await openNodeDetails(page, 'Sheet Row');
	await page.waitForSelector(sel('schema-preview-warning'), { visible: true, timeout: 20_000 });
	const preview = await page.$$eval(`${sel('ndv-input-panel')} ${sel('run-data-schema-node-name')}`, (pills) =>
		pills.map((pill) => pill.getAttribute('data-path') ?? ''),
	);
	check(
		'browser: before any run, the next node\'s input panel previews the fields Recognize outputs, a card\'s first',
		// The panel renders only the rows on screen (a virtual list): the card's fields lead, so they are.
		SIMPLIFIED.every((field) => preview.includes(`.${field}`)),
		show(preview.slice(0, 14)),
	);
	await dragOnto(page, `${sel('ndv-input-panel')} ${sel('run-data-schema-node-name')}[data-path=".name"]`, sel('drop-area'));
	const parameters = await waitForText(page, sel('node-parameters'), (text) => text.includes('{{ $json.name }}'), 8_000);
	check('browser: a previewed field (name) is mapped into Edit Fields by drag and drop, before any run', parameters.includes('{{ $json.name }}'), parameters.slice(0, 300));
	await screenshot(page, 'schema-mapping-before-run');
	await closeDetails(page);
}

async function runWorkflow(page: Page, accept: (canvas: string) => boolean): Promise<string> {
	await clickWhenVisible(page, sel('execute-workflow-button'));
	return await waitForText(page, sel('canvas'), accept, 60_000);
}

/** Stop Workflow (the default): the error, as the user reads it in the node's output panel. */
async function stopAtBrokenImage(page: Page, sim: XimilarSimulator): Promise<void> {
	const before = sim.log.length;
	await runWorkflow(page, (canvas) => canvas.includes('3 items') && sim.log.slice(before).some((entry) => entry.path === TCG));
	await openNodeDetails(page, 'Ximilar');
	const message = await waitForText(page, sel('node-error-message'), (text) => text.length > 0, 30_000);
	const description = await textOf(page, sel('node-error-description')).catch(() => '');
	check(
		'browser: On Error "Stop Workflow": the error names the broken image once, as n8n counts items ([item 2] is the third)',
		/^Ximilar could not process the image: .+ \[item 2\]$/.test(message.trim()) && (message.match(/item/gi) ?? []).length === 1,
		message,
	);
	check(
		'browser: ... and says the 2 other images were processed and billed, and how to keep their results',
		description.includes('2 other images of this run were processed by Ximilar and billed') && description.includes('Settings > On Error to "Continue (using error output)"'),
		description,
	);
	checkEqual('browser: ... the three photos went in one request', sim.log.slice(before).filter((entry) => entry.path === TCG).map((entry) => entry.recordCount), [3]);
	await screenshot(page, 'stop-workflow-error');
}

/** Settings > On Error > Continue (using error output), through the panel, then a second run. */
async function keepTheOthers(page: Page): Promise<void> {
	await clickWhenVisible(page, sel('tab-settings'));
	const chosen = await chooseOption(page, 'parameter-input-onError', 'Continue (using error output)');
	check('browser: Settings > On Error offers "Continue (using error output)"', chosen === 'Continue (using error output)', chosen);
	await clickWhenVisible(page, sel('tab-params'));
	await closeDetails(page);
	const canvas = await runWorkflow(page, (text) => /Success[\s\S]*Error/.test(text) && text.includes('2 items'));
	await openNodeDetails(page, 'Ximilar');
	const panel = await waitForText(page, sel('output-panel'), (text) => text.includes('Success Branch'), 20_000);
	check(
		'browser: On Error "Continue (using error output)": the two good cards on the success branch, the broken one on the error branch',
		panel.includes('Success Branch (2 items)') && panel.includes('Error Branch (1 item)'),
		`${panel.slice(0, 200)} | canvas ${canvas.slice(0, 200)}`,
	);
	await screenshot(page, 'continue-error-output');
}

/** Output: Simplified by default, then All Columns. */
async function chooseOutput(page: Page): Promise<void> {
	const offered = await optionsOf(page, 'parameter-input-output');
	checkEqual('browser: Output offers Simplified, All Columns and Raw', offered, ['Simplified', 'All Columns', 'Raw']);
	await page.waitForSelector(`${sel('output-panel')} table`, { visible: true, timeout: 20_000 });
	checkEqual('browser: Output "Simplified" (the default): the output table has a card\'s 9 most mapped columns', await outputHeaders(page), SIMPLIFIED);
	await screenshot(page, 'output-simplified');
	await chooseOption(page, 'parameter-input-output', 'All Columns');
	await clickWhenVisible(page, sel('node-execute-button'));
	const deadline = Date.now() + 30_000;
	let headers = await outputHeaders(page).catch(() => [] as string[]);
	while (headers.length <= SIMPLIFIED.length && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 300));
		headers = await outputHeaders(page).catch(() => [] as string[]);
	}
	check(
		'browser: Output "All Columns": every column of the row, the simplified ones among them',
		headers.length > 20 && SIMPLIFIED.every((field) => headers.includes(field)) && headers.includes('status_code'),
		show(headers),
	);
	await screenshot(page, 'output-all-columns');
	await closeDetails(page);
}

export async function checkFirstHour(page: Page, server: N8nServer, sim: XimilarSimulator, credential: { id: string; name: string }): Promise<void> {
	const workflow = await server.rest<{ id: string }>('POST', '/workflows', firstHourWorkflow(sim, credential));
	await goto(page, `${server.url}/workflow/${workflow.id}`);
	await page.waitForSelector(sel('canvas-node'), { visible: true });
	const canvas = await waitForText(page, sel('canvas'), (text) => text.includes('Recognize: Trading Card Identification'), 10_000);
	check('browser: the canvas names what the node does: "Recognize: Trading Card Identification"', canvas.includes('Recognize: Trading Card Identification'), canvas.slice(0, 200));
	await mapBeforeAnyRun(page, server);
	await stopAtBrokenImage(page, sim);
	await keepTheOthers(page);
	await openNodeDetails(page, 'Ximilar');
	await chooseOutput(page);
}
