import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * n8n's BinaryDataService in filesystem mode, as a regular n8n instance runs it:
 * binary items then hold only a marker in `.data` and the bytes live on disk, so a node
 * that reads `.data` directly fails here as it would for users.
 */
let ready: Promise<unknown> | undefined;

export const STORAGE_ROOT = mkdtempSync(path.join(tmpdir(), 'ximilar-n8n-'));

/**
 * The stored binary data goes when the test file (jest) or the process (bench, demo) is
 * done: a bench run stores hundreds of MB, and runs that left it behind filled /tmp.
 */
const removeStorage = () => rmSync(STORAGE_ROOT, { recursive: true, force: true });
if (typeof afterAll === 'function') afterAll(removeStorage);
else process.once('exit', removeStorage);

function configureEnvironment() {
	// n8n-core reads its instance settings from here at first use: keep it out of ~/.n8n.
	process.env.N8N_USER_FOLDER ??= STORAGE_ROOT;
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH = path.join(STORAGE_ROOT, 'binaryData');
	process.env.N8N_ENCRYPTION_KEY ??= 'test-encryption-key';
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
	process.env.N8N_RUNNERS_ENABLED = 'false';
}

export async function binaryDataService() {
	configureEnvironment();
	const { Container } = await import('@n8n/di');
	const { BinaryDataService } = await import('n8n-core');
	const service = Container.get(BinaryDataService);
	ready ??= service.init();
	await ready;
	return service;
}
