/**
 * Browser stage: n8n 2.8.4 started with `n8n start` and the packed package,
 * driven through Debian's chromium with puppeteer-core, as a user would:
 *   - the nodes panel finds the node (and the package's trigger), by name and alias,
 *     on an empty canvas, in "What happens next?" and in the AI category views;
 *   - the credential modal's test shows success and the node's own failure texts;
 *   - the Flow list (a resource locator) as n8n's REST API gives it to the editor;
 *   - a first hour (firstHour.ts): fields to map before any run (the package's output schema),
 *     a broken image URL under On Error "Stop Workflow" and "Continue (using error output)",
 *     the Output choice;
 *   - the Recognize panel shows its parameters, Include Prices starts on when added; a workflow
 *     run from the editor fills the output table.
 * A screenshot per step goes to e2e/screenshots/. `E2E_SKIP=browser` skips the stage;
 * `E2E_UPDATE_DOCS=1` also copies the README's screenshots into docs/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Browser } from 'puppeteer-core';

import type { XimilarSimulator } from '../../test/simulator';
import { ROOT } from '../lib/config';
import { check } from '../lib/report';
import { stageSkipped, timedStage } from '../lib/stages';
import { closeChromium, ensureChromium, launchChromium } from './chromium';
import { checkCredentialModal } from './credentialModal';
import { clearScreenshots, openEditorPage, screenshot, screenshotFiles, SCREENSHOTS } from './editor';
import { checkFindability } from './findability';
import { checkFirstHour } from './firstHour';
import { checkFlowList } from './flowList';
import { startN8nServer, type N8nServer } from './n8nServer';
import { checkRecognizeRun } from './recognizeRun';

/** The screenshots the README shows, by step name. */
const DOCS = {
	'nodes-panel-actions': 'nodes-panel.png',
	'output-table': 'output-table.png',
	'schema-mapping-before-run': 'schema-preview.png',
	'stop-workflow-error': 'failed-image-error.png',
};

function updateDocs(): void {
	const docs = path.join(ROOT, 'docs');
	mkdirSync(docs, { recursive: true });
	for (const [step, target] of Object.entries(DOCS)) {
		const source = screenshotFiles().find((name) => name.endsWith(`-${step}.png`));
		if (source) copyFileSync(path.join(SCREENSHOTS, source), path.join(docs, target));
	}
	console.log(`browser: copied ${Object.values(DOCS).join(', ')} into docs/`);
}

export async function browserStage(sim: XimilarSimulator): Promise<void> {
	if (stageSkipped('browser')) return;
	await timedStage('browser', async () => {
		clearScreenshots();
		const chromium = await ensureChromium();
		let server: N8nServer | undefined;
		let browser: Browser | undefined;
		try {
			const started = Date.now();
			server = await startN8nServer();
			check(`browser: n8n start serves the editor, owner set up and logged in (${((Date.now() - started) / 1000).toFixed(1)} s)`, true);
			browser = await launchChromium(chromium);
			const page = await openEditorPage(browser, server.url, server.authCookie);
			try {
				await checkFindability(page, server);
				const credential = await checkCredentialModal(page, server, sim);
				await checkFlowList(server, credential);
				await checkFirstHour(page, server, sim, credential);
				await checkRecognizeRun(page, server, sim, credential);
			} catch (error) {
				await screenshot(page, 'failure').catch(() => undefined);
				throw error;
			}
			if (process.env.E2E_UPDATE_DOCS === '1') updateDocs();
		} catch (error) {
			check('browser: stage ran to the end', false, error instanceof Error ? error.message : String(error));
		} finally {
			if (browser) await closeChromium(browser);
			if (server) await server.service.stop();
			console.log(`browser: screenshots in ${path.relative(ROOT, SCREENSHOTS)}/`);
		}
	});
}
