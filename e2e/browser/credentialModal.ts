/**
 * The credential modal tests the credential when it opens;
 * a good one shows "Connection tested successfully", a wrong token or API URL the node's
 * own words (behind n8n's "More details").
 */
import type { Page } from 'puppeteer-core';

import type { XimilarSimulator } from '../../test/simulator';
import { freePort } from '../lib/n8nCli';
import { check } from '../lib/report';
import { goto, type PageElement, screenshot, sel, waitForText } from './editor';
import type { N8nServer } from './n8nServer';

const DIALOG = sel('credential-edit-dialog');
const SUCCESS = 'Connection tested successfully';
const FAILURE = 'Couldn’t connect with these settings';

async function openCredential(page: Page, server: N8nServer, id: string): Promise<string> {
	await goto(page, `${server.url}/home/credentials/${id}`);
	await page.waitForSelector(DIALOG, { visible: true });
	return await waitForText(page, DIALOG, (text) => text.includes(SUCCESS) || text.includes(FAILURE));
}

/** n8n folds the tester's message behind "More details". */
async function failureDetails(page: Page): Promise<string> {
	for (const link of await page.$$(`${DIALOG} a`)) {
		if ((await link.evaluate((element) => (element as unknown as PageElement).innerText)).includes('More details')) {
			await link.click();
			break;
		}
	}
	return await waitForText(page, DIALOG, (text) => !text.includes('More details'), 5_000);
}

async function createCredential(server: N8nServer, name: string, data: { apiToken: string; apiUrl: string }): Promise<string> {
	return (await server.rest<{ id: string }>('POST', '/credentials', { name, type: 'ximilarApi', data })).id;
}

/** Creates the good credential (returned for the workflow step) and checks all three texts. */
export async function checkCredentialModal(page: Page, server: N8nServer, sim: XimilarSimulator): Promise<{ id: string; name: string }> {
	const good = { id: await createCredential(server, 'Ximilar account', { apiToken: sim.token, apiUrl: sim.url }), name: 'Ximilar account' };
	const wrongToken = await createCredential(server, 'Ximilar (wrong token)', { apiToken: 'not-a-valid-token-42', apiUrl: sim.url });
	const deadUrl = `http://127.0.0.1:${await freePort()}`;
	const wrongUrl = await createCredential(server, 'Ximilar (wrong API URL)', { apiToken: sim.token, apiUrl: deadUrl });

	const ok = await openCredential(page, server, good.id);
	check(`browser: credential modal: a good token shows "${SUCCESS}"`, ok.includes(SUCCESS) && !ok.includes(FAILURE), ok.slice(0, 400));
	await screenshot(page, 'credential-success');

	await openCredential(page, server, wrongToken);
	const rejected = await failureDetails(page);
	check(
		'browser: credential modal: a wrong token shows the node\'s message, Ximilar\'s words and where to get a token',
		rejected.includes(FAILURE) && rejected.includes('Ximilar rejected the API token') && rejected.includes('"Invalid token."') && rejected.includes('Account > Settings > API token') && !rejected.includes('Authorization failed'),
		rejected.slice(0, 500),
	);
	await screenshot(page, 'credential-wrong-token');

	await openCredential(page, server, wrongUrl);
	const unreachable = await failureDetails(page);
	check(
		'browser: credential modal: a wrong API URL says so',
		unreachable.includes(FAILURE) && unreachable.includes(`Could not reach ${deadUrl}`) && unreachable.includes('check the API URL'),
		unreachable.slice(0, 500),
	);
	await screenshot(page, 'credential-wrong-url');
	return good;
}
