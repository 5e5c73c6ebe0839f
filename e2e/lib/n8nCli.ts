/** Running the n8n CLI (by default the pinned 2.8.4 against .e2e/user/) with a settled environment. */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

import { N8N_BIN, USER_FOLDER, WORK } from './config';
import { childEnv, runCommand, type RunOutput } from './process';

const ENCRYPTION_KEY = randomBytes(24).toString('hex');
/** n8n 2.x always starts its task broker (for the Code node); on a free port, not 5679, so a local n8n does not clash. */
let brokerPort = 0;

/** Which n8n install runs, against which user folder. */
export interface N8nTarget {
	bin: string;
	userFolder: string;
	/** Put before the labels of the checks run on it, e.g. 'n8n 1.123.81' (none for the default). */
	name?: string;
	/** Settings this install needs on top of the common ones. */
	env?: Record<string, string>;
}

export const DEFAULT_N8N: N8nTarget = { bin: N8N_BIN, userFolder: USER_FOLDER };

/** A loopback port free right now (listen on 0, close, reuse the number). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Picks the task broker port every later n8n command uses. */
export async function reserveBrokerPort(): Promise<void> {
	brokerPort = await freePort();
}

/** The environment of every n8n process; `extra` adds or overrides settings (queue mode, ports). */
export function n8nEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return childEnv({
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		// Ignored by n8n 2.x (task runners are always on), kept for 1.x.
		N8N_RUNNERS_ENABLED: 'false',
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_LOG_OUTPUT: 'console',
		// `execute --rawOutput` prints the run data through the logger at level info.
		N8N_LOG_LEVEL: 'info',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NODE_ENV: 'production',
		...extra,
	});
}

export async function n8n(label: string, args: string[], timeoutMs = 240_000, target = DEFAULT_N8N): Promise<RunOutput> {
	return await runCommand(label, target.bin, args, { cwd: WORK, env: n8nEnv(target.userFolder, target.env), timeoutMs });
}
