/** Small helpers to drive n8n's editor: pages, the nodes panel, waiting for text, screenshots. */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'puppeteer-core';

import { ROOT } from '../lib/config';

/**
 * The few DOM members the callbacks that run inside the page use (the project type-checks
 * without the DOM library, whose Blob and fetch types differ from Node's).
 */
export interface PageElement {
	innerText: string;
	value: string;
	getAttribute(name: string): string | null;
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	focus(): void;
	select(): void;
}

/** Kept after the run (CI keeps this folder): one PNG per step, numbered in order. */
export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');
let shots = 0;

export function clearScreenshots(): void {
	rmSync(SCREENSHOTS, { recursive: true, force: true });
	mkdirSync(SCREENSHOTS, { recursive: true });
	shots = 0;
}

export async function screenshot(page: Page, name: string): Promise<string> {
	// Panels slide in: let the animation finish so the picture shows what the checks saw.
	await new Promise((resolve) => setTimeout(resolve, 800));
	const file = path.join(SCREENSHOTS, `${String(++shots).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

export const screenshotFiles = () => readdirSync(SCREENSHOTS).filter((name) => name.endsWith('.png'));

export const sel = (testId: string) => `[data-test-id="${testId}"]`;

export async function openEditorPage(browser: Browser, url: string, authCookie: string): Promise<Page> {
	const page = await browser.newPage();
	page.setDefaultTimeout(30_000);
	await browser.setCookie({ name: 'n8n-auth', value: authCookie, domain: new URL(url).hostname, path: '/' });
	return page;
}

export async function goto(page: Page, url: string): Promise<void> {
	await page.goto(url, { waitUntil: 'networkidle2', timeout: 60_000 });
}

/** The names listed in the nodes panel right now (nodes, categories or actions). */
export async function panelItems(page: Page): Promise<string[]> {
	return await page.$$eval(sel('node-creator-item-name'), (elements) =>
		elements.map((element) => (element as unknown as PageElement).innerText.replace(/\s+/g, ' ').trim()),
	);
}

/** Waits until `accept` holds for the panel's items; returns the last items seen either way. */
export async function waitForPanelItems(page: Page, accept: (items: string[]) => boolean, timeoutMs = 8_000): Promise<string[]> {
	const deadline = Date.now() + timeoutMs;
	let items = await panelItems(page);
	while (!accept(items) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		items = await panelItems(page);
	}
	return items;
}

/** Replaces the text of the nodes panel's search field (it has the focus while the panel is open). */
export async function searchPanel(page: Page, text: string): Promise<void> {
	const input = await page.waitForSelector(`input${sel('node-creator-search-bar')}`, { visible: true });
	// Focus and select in the page rather than clicking: the panel may still be sliding in.
	await input!.evaluate((element) => {
		(element as unknown as PageElement).focus();
		(element as unknown as PageElement).select();
	});
	await page.keyboard.press('Backspace');
	if (text !== '') await page.keyboard.type(text, { delay: 15 });
}

/** Clicks the panel item with exactly this name. */
export async function clickPanelItem(page: Page, name: string, timeoutMs = 8_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	// Retried: items appear, and the panel slides in, a moment after the view changes.
	while (Date.now() < deadline) {
		for (const element of await page.$$(sel('node-creator-item-name'))) {
			if ((await element.evaluate((node) => (node as unknown as PageElement).innerText.trim()).catch(() => '')) !== name) continue;
			try {
				await element.click();
				return;
			} catch (error) {
				lastError = error;
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`could not click "${name}" in the nodes panel (items: ${(await panelItems(page)).join(', ')}; ${String(lastError ?? 'not listed')})`);
}

/** The rendered text of the first element matching `selector`. */
export async function textOf(page: Page, selector: string): Promise<string> {
	return await page.$eval(selector, (element) => (element as unknown as PageElement).innerText);
}

export async function waitForText(page: Page, selector: string, accept: (text: string) => boolean, timeoutMs = 20_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let text = '';
	while (Date.now() < deadline) {
		text = await textOf(page, selector).catch(() => '');
		if (accept(text)) return text;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return text;
}

export async function openNodeDetails(page: Page, nodeName: string): Promise<void> {
	const node = await page.waitForSelector(`${sel('canvas-node')}[data-node-name="${nodeName}"]`, { visible: true });
	await node!.click({ count: 2 });
	await page.waitForSelector(sel('ndv'), { visible: true });
}

/** Clicks an element once it is on screen (the editor renders after its data has loaded). */
export async function clickWhenVisible(page: Page, selector: string, timeoutMs = 30_000): Promise<void> {
	const element = await page.waitForSelector(selector, { visible: true, timeout: timeoutMs });
	await element!.click();
}

/** Picks the option whose text starts with `label` in the dropdown of the parameter input `testId` (n8n's element-plus select). */
export async function chooseOption(page: Page, testId: string, label: string): Promise<string> {
	await clickWhenVisible(page, sel(testId));
	const deadline = Date.now() + 8_000;
	while (Date.now() < deadline) {
		for (const item of await page.$$('.el-select-dropdown__item')) {
			const text = await item.evaluate((element) => ((element as unknown as { offsetParent: unknown }).offsetParent ? (element as unknown as PageElement).innerText : ''));
			if (text.startsWith(label)) {
				await item.click();
				return await page.$eval(`${sel(testId)} input`, (input) => (input as unknown as PageElement).value);
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`no option "${label}" in ${testId}`);
}

/** The texts of the options the dropdown of `testId` offers, then closes it. */
export async function optionsOf(page: Page, testId: string): Promise<string[]> {
	await clickWhenVisible(page, sel(testId));
	await new Promise((resolve) => setTimeout(resolve, 500));
	const texts = await page.$$eval('.el-select-dropdown__item', (items) =>
		items.filter((item) => (item as unknown as { offsetParent: unknown }).offsetParent).map((item) => (item as unknown as PageElement).innerText.split('\n')[0].trim()),
	);
	await page.keyboard.press('Escape');
	return texts;
}

/** Drags one element onto another with the mouse, in small steps, as n8n's field mapping expects a user to. */
export async function dragOnto(page: Page, from: string, to: string): Promise<void> {
	const source = await page.waitForSelector(from, { visible: true });
	await source!.scrollIntoView();
	const target = await page.waitForSelector(to, { visible: true });
	const [a, b] = [await source!.boundingBox(), await target!.boundingBox()];
	if (!a || !b) throw new Error(`cannot drag ${from} onto ${to}: not on screen`);
	const start = { x: a.x + Math.min(30, a.width / 2), y: a.y + a.height / 2 };
	const end = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
	await page.mouse.move(start.x, start.y);
	await page.mouse.down();
	for (let step = 1; step <= 20; step++) await page.mouse.move(start.x + ((end.x - start.x) * step) / 20, start.y + ((end.y - start.y) * step) / 20);
	await new Promise((resolve) => setTimeout(resolve, 300));
	await page.mouse.up();
}

/** The header cells of the table in the output panel. */
export async function outputHeaders(page: Page): Promise<string[]> {
	return await page.$$eval(`${sel('output-panel')} table thead th`, (cells) => cells.map((cell) => (cell as unknown as PageElement).innerText.trim()).filter((text) => text !== ''));
}
