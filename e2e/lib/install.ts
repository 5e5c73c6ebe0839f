/** A pinned n8n (e2e/n8n/ by default) installed into its folder under .e2e/ (.e2e/n8n/). */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { N8N_DIR, N8N_PIN, ROOT } from './config';
import { childEnv, runCommand, tail } from './process';
import { seconds } from './report';

const sha256 = (...files: string[]): string => {
	const hash = createHash('sha256');
	for (const file of files) hash.update(existsSync(file) ? readFileSync(file) : Buffer.alloc(0));
	return hash.digest('hex');
};

/** The n8n pinned in `pin`, installed in `dir`: again only when the pinned manifest or lockfile changed. */
export async function ensureN8n(pin = N8N_PIN, dir = N8N_DIR): Promise<void> {
	const bin = path.join(dir, 'node_modules', '.bin', 'n8n');
	const manifest = path.join(pin, 'package.json');
	const lock = path.join(pin, 'package-lock.json');
	const wanted = sha256(manifest, lock);
	const stamp = path.join(dir, '.e2e-installed');
	const installed = existsSync(bin);
	const stampValue = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
	// An install made by hand from the same files (no stamp yet) counts as current.
	const sameFiles = sha256(path.join(dir, 'package.json'), path.join(dir, 'package-lock.json')) === wanted;
	if (installed && (stampValue === wanted || (stampValue === undefined && sameFiles))) {
		writeFileSync(stamp, `${wanted}\n`);
		console.log(`n8n: using the install in ${path.relative(ROOT, dir)}`);
		return;
	}
	console.log(`n8n: installing ${path.relative(ROOT, manifest)} into ${path.relative(ROOT, dir)} (about 5 minutes, 2.3 GB) ...`);
	const started = Date.now();
	mkdirSync(dir, { recursive: true });
	// Until the install succeeds the stamp says so: an interrupted install is not taken for a hand-made one.
	writeFileSync(stamp, 'installing\n');
	copyFileSync(manifest, path.join(dir, 'package.json'));
	if (existsSync(lock)) copyFileSync(lock, path.join(dir, 'package-lock.json'));
	else rmSync(path.join(dir, 'package-lock.json'), { force: true });
	const result = await runCommand(`npm-install-${path.basename(dir)}`, 'npm', ['install', '--no-audit', '--no-fund'], {
		cwd: dir,
		env: childEnv(),
		timeoutMs: 45 * 60_000,
	});
	if (result.code !== 0 || !existsSync(bin)) {
		throw new Error(`npm install of n8n failed (exit ${result.code}), see ${result.log}:\n${tail(result.stderr || result.stdout)}`);
	}
	writeFileSync(stamp, `${wanted}\n`);
	console.log(`n8n: installed in ${seconds(started)}`);
}
