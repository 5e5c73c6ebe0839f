/**
 * `n8n start` for the browser stage: its own user folder (with the package the earlier
 * stage installed), a free port for the editor and one for the task broker, and an owner
 * set up and logged in through n8n's REST API.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { N8N_BIN, USER_FOLDER, WORK } from '../lib/config';
import { freePort } from '../lib/n8nCli';
import { startN8n, type N8nServer as StartedN8n } from '../lib/n8nServer';

export const BROWSER_USER_FOLDER = path.join(WORK, 'browser', 'user');
const OWNER = { email: 'owner@e2e.test', firstName: 'Ada', lastName: 'Owner', password: 'E2eOwner-2026' };

export interface N8nServer extends StartedN8n {
	/** The session cookie `n8n-auth` of the owner. */
	authCookie: string;
	rest<T = unknown>(method: 'GET' | 'POST' | 'PATCH', route: string, body?: unknown): Promise<T>;
}

function sessionCookie(response: Response): string {
	const match = /n8n-auth=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
	if (!match) throw new Error('n8n set no n8n-auth cookie on login');
	return match[1];
}

export async function startN8nServer(): Promise<N8nServer> {
	rmSync(BROWSER_USER_FOLDER, { recursive: true, force: true });
	mkdirSync(path.join(BROWSER_USER_FOLDER, '.n8n'), { recursive: true });
	// The community package exactly as the main stage installed it from the tarball.
	cpSync(path.join(USER_FOLDER, '.n8n', 'nodes'), path.join(BROWSER_USER_FOLDER, '.n8n', 'nodes'), { recursive: true });

	const port = await freePort();
	const { url, service } = await startN8n(240_000, {
		label: 'browser',
		port,
		target: { bin: N8N_BIN, userFolder: BROWSER_USER_FOLDER },
		env: {
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
			// Plain http on loopback: the session cookie must not require https.
			N8N_SECURE_COOKIE: 'false',
		},
		// The ready line can come before the REST API answers.
		ready: async (editorUrl) => (await fetch(`${editorUrl}/rest/settings`).catch(() => undefined))?.ok === true,
	});
	try {
		const json = { 'Content-Type': 'application/json' };
		const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: json, body: JSON.stringify(OWNER) });
		if (!setup.ok) throw new Error(`POST /rest/owner/setup answered ${setup.status}: ${await setup.text()}`);
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!login.ok) throw new Error(`POST /rest/login answered ${login.status}: ${await login.text()}`);
		const authCookie = sessionCookie(login);
		const rest = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
			const response = await fetch(`${url}/rest${route}`, {
				method,
				headers: { ...json, Cookie: `n8n-auth=${authCookie}` },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${method} /rest${route} answered ${response.status}: ${text.slice(0, 300)}`);
			return (JSON.parse(text) as { data: T }).data;
		};
		return { url, service, authCookie, rest };
	} catch (error) {
		await service.stop();
		throw error;
	}
}
