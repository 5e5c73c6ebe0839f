/** The pinned n8n (e2e/n8n/) installed into .e2e/n8n/. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { N8N_BIN, N8N_DIR, N8N_PIN, ROOT } from './config';
import { childEnv, runCommand, tail } from './process';
import { seconds } from './report';

const sha256 = (...files: string[]): string => {
	const hash = createHash('sha256');
	for (const file of files) hash.update(existsSync(file) ? readFileSync(file) : Buffer.alloc(0));
	return hash.digest('hex');
};

/** The pinned n8n in .e2e/n8n: installed again only when the pinned manifest or lockfile changed. */
export async function ensureN8n(): Promise<void> {
	const manifest = path.join(N8N_PIN, 'package.json');
	const lock = path.join(N8N_PIN, 'package-lock.json');
	const wanted = sha256(manifest, lock);
	const stamp = path.join(N8N_DIR, '.e2e-installed');
	const installed = existsSync(N8N_BIN);
	const stampValue = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
	// An install made by hand from the same files (no stamp yet) counts as current.
	const sameFiles = sha256(path.join(N8N_DIR, 'package.json'), path.join(N8N_DIR, 'package-lock.json')) === wanted;
	if (installed && (stampValue === wanted || (stampValue === undefined && sameFiles))) {
		writeFileSync(stamp, `${wanted}\n`);
		console.log(`n8n: using the install in ${path.relative(ROOT, N8N_DIR)}`);
		return;
	}
	console.log(`n8n: installing ${path.relative(ROOT, manifest)} into ${path.relative(ROOT, N8N_DIR)} (about 5 minutes, 2.3 GB) ...`);
	const started = Date.now();
	mkdirSync(N8N_DIR, { recursive: true });
	// Until the install succeeds the stamp says so: an interrupted install is not taken for a hand-made one.
	writeFileSync(stamp, 'installing\n');
	copyFileSync(manifest, path.join(N8N_DIR, 'package.json'));
	if (existsSync(lock)) copyFileSync(lock, path.join(N8N_DIR, 'package-lock.json'));
	else rmSync(path.join(N8N_DIR, 'package-lock.json'), { force: true });
	const result = await runCommand('npm-install-n8n', 'npm', ['install', '--no-audit', '--no-fund'], {
		cwd: N8N_DIR,
		env: childEnv(),
		timeoutMs: 45 * 60_000,
	});
	if (result.code !== 0 || !existsSync(N8N_BIN)) {
		throw new Error(`npm install of n8n failed (exit ${result.code}), see ${result.log}:\n${tail(result.stderr || result.stdout)}`);
	}
	writeFileSync(stamp, `${wanted}\n`);
	console.log(`n8n: installed in ${seconds(started)}`);
}
