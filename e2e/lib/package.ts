/** This repository as n8n gets it: packed, linted, installed as a community package. */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, USER_FOLDER, WORK } from './config';
import { childEnv, runCommand, tail } from './process';
import { check, checkEqual, show } from './report';

export async function packRepository(): Promise<string> {
	mkdirSync(WORK, { recursive: true });
	for (const old of readdirSync(WORK).filter((name) => name.endsWith('.tgz'))) rmSync(path.join(WORK, old));
	const result = await runCommand('npm-pack', 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', WORK], {
		cwd: ROOT,
		env: childEnv(),
		timeoutMs: 120_000,
	});
	if (result.code !== 0) throw new Error(`npm pack failed, see ${result.log}:\n${tail(result.stderr)}`);
	const [packed] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = path.join(WORK, packed.filename);
	check(`pack: ${packed.filename} holds the compiled node and credential`, ['dist/nodes/Ximilar/Ximilar.node.js', 'dist/credentials/XimilarApi.credentials.js', 'dist/nodes/Ximilar/Ximilar.node.json'].every((file) => packed.files.some((entry) => entry.path === file)), show(packed.files.map((entry) => entry.path)));
	check('pack: no source, tests or maps in the tarball', !packed.files.some((entry) => /(^|\/)(test|e2e|examples)\/|\.ts$(?<!\.d\.ts)|\.map$/.test(entry.path)), show(packed.files.map((entry) => entry.path)));
	return tarball;
}

export async function lintTarball(tarball: string): Promise<void> {
	const result = await runCommand('lint-tarball', process.execPath, [path.join(ROOT, 'e2e', 'lint-tarball.mjs'), tarball], {
		cwd: ROOT,
		env: childEnv(),
		timeoutMs: 300_000,
	});
	const summary = result.stdout.trim().split('\n').pop() ?? '';
	console.log(result.stdout.trim().split('\n').slice(1).join('\n'));
	check('lint: the tarball\'s JavaScript and package.json pass n8n\'s community rules with zero findings', result.code === 0, `${summary || tail(result.stderr)} (see ${result.log})`);
	await scanPackage(tarball);
}

/** n8n's own scanner (@n8n/scan-community-package) on the source and on the tarball, offline. */
async function scanPackage(tarball: string): Promise<void> {
	const result = await runCommand('scan-package', process.execPath, [path.join(ROOT, 'e2e', 'scan-package.mjs'), tarball], {
		cwd: ROOT,
		env: childEnv(),
		timeoutMs: 300_000,
	});
	console.log(result.stdout.trim());
	check('scan: n8n\'s community package scanner finds nothing in the source or the tarball', result.code === 0, `${result.stdout.trim().split('\n').pop() || tail(result.stderr)} (see ${result.log})`);
}

export async function installIntoUserFolder(tarball: string, userFolder = USER_FOLDER): Promise<void> {
	rmSync(userFolder, { recursive: true, force: true });
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	// What n8n writes there before installing a community package; it also stops npm from
	// walking up to this repository's package.json.
	writeFileSync(path.join(nodesDir, 'package.json'), `${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`);
	const result = await runCommand(
		'npm-install-tarball',
		'npm',
		['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', tarball],
		{ cwd: nodesDir, env: childEnv(), timeoutMs: 300_000 },
	);
	const installedManifest = path.join(nodesDir, 'node_modules', 'n8n-nodes-ximilar', 'package.json');
	check('install: npm install of the tarball into <N8N_USER_FOLDER>/.n8n/nodes', result.code === 0 && existsSync(installedManifest), `exit ${result.code}, see ${result.log}\n${tail(result.stderr)}`);
	if (!existsSync(installedManifest)) throw new Error('the package is not installed, nothing to run');
	const extra = readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.') && name !== 'n8n-nodes-ximilar');
	checkEqual('install: the package brings no dependencies along', extra, []);
}
