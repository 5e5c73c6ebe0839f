/**
 * A user finds the node by its name and every alias of its codex, on an
 * empty canvas, in "What happens next?" after a trigger, and in the category views; the
 * package's trigger (when it ships one) is listed among the triggers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'puppeteer-core';

import { ROOT } from '../lib/config';
import { check, show } from '../lib/report';
import { clickPanelItem, clickWhenVisible, goto, screenshot, searchPanel, sel, textOf, waitForPanelItems, waitForText } from './editor';
import type { N8nServer } from './n8nServer';

interface PackagedNode {
	displayName: string;
	description: string;
	isTrigger: boolean;
	aliases: string[];
}

/** The nodes the packed package declares (package.json n8n.nodes), read from dist/ as n8n loads them. */
export function packagedNodes(): PackagedNode[] {
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	return manifest.n8n.nodes.map((file) => {
		const full = path.join(ROOT, file);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(full) as Record<string, new () => { description: { displayName: string; description: string; group: string[] } }>;
		const description = new (Object.values(exported)[0])().description;
		const codexFile = full.replace(/\.js$/, '.json');
		const codex = JSON.parse(readFileSync(codexFile, 'utf8')) as { alias?: string[] };
		return { displayName: description.displayName, description: description.description, isTrigger: description.group.includes('trigger'), aliases: codex.alias ?? [] };
	});
}

/** Types each term into the open panel's search and checks that `expected` is listed. */
async function searchEach(page: Page, where: string, terms: string[], expected: string): Promise<void> {
	const missed: string[] = [];
	for (const term of terms) {
		await searchPanel(page, term);
		const items = await waitForPanelItems(page, (names) => names.includes(expected));
		if (!items.includes(expected)) missed.push(`"${term}" -> ${show(items)}`);
	}
	check(`browser: ${where}: searching ${terms.map((term) => `"${term}"`).join(', ')} lists ${expected}`, missed.length === 0, missed.join('; '));
}

export async function checkFindability(page: Page, server: N8nServer): Promise<void> {
	const nodes = packagedNodes();
	const node = nodes.find((entry) => !entry.isTrigger)!;
	const trigger = nodes.find((entry) => entry.isTrigger);
	const terms = [node.displayName, ...node.aliases];

	// An empty canvas: "Add first step" opens the trigger panel, whose search also lists action nodes.
	await goto(page, `${server.url}/workflow/new`);
	await clickWhenVisible(page, sel('canvas-add-button'));
	await searchEach(page, 'empty canvas', terms, node.displayName);
	if (trigger) {
		// n8n lists a package's "X Trigger" under the app "X", whose page then starts with its triggers.
		await searchPanel(page, node.displayName);
		await waitForPanelItems(page, (names) => names.includes(node.displayName));
		await clickPanelItem(page, node.displayName);
		const details = await waitForText(page, sel('node-creator'), (text) => text.includes(trigger.description), 8_000);
		check(
			`browser: empty canvas: ${node.displayName} offers its trigger (${trigger.displayName}) first`,
			details.includes(trigger.description) && /Triggers \(\d+\)[\s\S]*Actions \(\d+\)/.test(details),
			details.slice(0, 400),
		);
		// n8n names a trigger's events from its Event property; without one it says "On new <app> event".
		check(
			`browser: ${trigger.displayName} is listed by its event, "On job done"`,
			details.includes('On job done') && !/On new \w+ event/.test(details),
			details.slice(0, 400),
		);
		await screenshot(page, 'nodes-panel-trigger');
		// The trigger category "On app event" holds it too (not only under "Results in other categories").
		await goto(page, `${server.url}/workflow/new`);
		await clickWhenVisible(page, sel('canvas-add-button'));
		await clickPanelItem(page, 'On app event');
		await searchPanel(page, node.displayName);
		await waitForPanelItems(page, (names) => names.includes(node.displayName));
		const view = await textOf(page, sel('node-creator'));
		check(
			`browser: the trigger category "On app event" lists ${node.displayName}`,
			view.includes(node.displayName) && !view.includes('Results in other categories'),
			view.slice(0, 300),
		);
		await goto(page, `${server.url}/workflow/new`);
		await clickWhenVisible(page, sel('canvas-add-button'));
	} else {
		console.log('browser: the package ships no trigger node (package.json n8n.nodes), no trigger to look for');
	}
	await searchPanel(page, node.displayName);
	await waitForPanelItems(page, (names) => names.includes(node.displayName));
	await screenshot(page, 'nodes-panel-empty-canvas');

	// "What happens next?" after a manual trigger.
	const workflow = await server.rest<{ id: string }>('POST', '/workflows', {
		name: 'Browser e2e: what happens next',
		nodes: [{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		settings: {},
	});
	const nextStep = async () => {
		await goto(page, `${server.url}/workflow/${workflow.id}`);
		await clickWhenVisible(page, sel('canvas-handle-plus'));
		await page.waitForSelector(`input${sel('node-creator-search-bar')}`, { visible: true });
	};
	await nextStep();
	const panelText = await textOf(page, sel('node-creator'));
	check('browser: the + after a trigger opens "What happens next?"', panelText.includes('What happens next?'), panelText.slice(0, 200));
	await searchEach(page, '"What happens next?"', terms, node.displayName);

	// The node's own page in the panel: its actions, the main one first.
	await searchPanel(page, node.displayName);
	await waitForPanelItems(page, (names) => names.includes(node.displayName));
	await clickPanelItem(page, node.displayName);
	const listed = await waitForPanelItems(page, (names) => names.includes('Recognize an image'));
	// The node's own name heads the list, its actions follow.
	const actions = listed[0] === node.displayName ? listed.slice(1) : listed;
	check('browser: the node\'s actions in the nodes panel start with "Recognize an image"', actions[0] === 'Recognize an image', show(listed));
	await screenshot(page, 'nodes-panel-actions');

	// Category views: "Action in an app" holds the node as an app (with n8n's own Perplexity, Mistral AI,
	// AWS Rekognition), not only under "Results in other categories"; the AI view finds its agent tool.
	await nextStep();
	await clickPanelItem(page, 'Action in an app');
	await searchPanel(page, node.displayName);
	await waitForPanelItems(page, (names) => names.includes(node.displayName));
	const apps = await textOf(page, sel('node-creator'));
	check(
		`browser: category view "Action in an app" lists ${node.displayName}`,
		apps.includes(node.displayName) && !apps.includes('Results in other categories'),
		apps.slice(0, 300),
	);
	await screenshot(page, 'nodes-panel-app-category');

	await nextStep();
	await clickPanelItem(page, 'AI');
	await waitForPanelItems(page, (names) => names.includes('Other AI Nodes'));
	await searchPanel(page, node.displayName);
	const aiSearch = await waitForPanelItems(page, (names) => names.includes(`${node.displayName} Tool`));
	check(`browser: AI view: searching "${node.displayName}" lists its agent tool ${node.displayName} Tool`, aiSearch.includes(`${node.displayName} Tool`), show(aiSearch));
}
