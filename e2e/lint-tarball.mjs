#!/usr/bin/env node
// Lints what npm would publish, the way n8n's community package scanner lints a
// tarball: the compiled JavaScript (package/**/*.js) and package/package.json, with the
// recommended config of @n8n/eslint-plugin-community-nodes, `no-console`, and the
// community rules of eslint-plugin-n8n-nodes-base on package.json. Inline
// `eslint-disable` comments are not honoured (allowInlineConfig: false), as in the scanner.
//
// Usage: node e2e/lint-tarball.mjs [path/to/n8n-nodes-ximilar-x.y.z.tgz]
// Without an argument it lints the newest .tgz in .e2e/ (npm run e2e packs one there).
// Prints every finding and a last line `tarball lint: N findings (E errors, W warnings)`;
// exits 1 when there is any finding, 2 when it could not lint at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const E2E_DIR = path.join(ROOT, '.e2e');

function newestTarball() {
	if (!existsSync(E2E_DIR)) return undefined;
	const tarballs = readdirSync(E2E_DIR)
		.filter((name) => name.endsWith('.tgz'))
		.map((name) => path.join(E2E_DIR, name))
		.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
	return tarballs[0];
}

function extract(tarball) {
	const target = path.join(E2E_DIR, 'lint');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', target], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar -xzf ${tarball} failed: ${tar.stderr || tar.error}`);
	const packageDir = path.join(target, 'package');
	if (!existsSync(path.join(packageDir, 'package.json'))) {
		throw new Error(`${tarball} holds no package/package.json`);
	}
	return packageDir;
}

/** Every file of the tree below `dir` whose path relative to it passes `keep`. */
function walk(dir, keep, base = dir) {
	const found = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'node_modules') found.push(...walk(full, keep, base));
		} else if (keep(path.relative(base, full))) {
			found.push(full);
		}
	}
	return found;
}

export function tarballLintConfig() {
	return [
		communityConfigs.recommended,
		{ rules: { 'no-console': 'error' } },
		{
			files: ['package.json'],
			plugins: { 'n8n-nodes-base': n8nNodesBase },
			rules: { ...n8nNodesBase.configs.community.rules },
		},
		// package.json is linted as an object literal, which the TypeScript parser produces.
		{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	];
}

export async function lintTarball(tarball) {
	const packageDir = extract(tarball);
	const files = walk(packageDir, (relative) => relative.endsWith('.js') || relative === 'package.json');
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: tarballLintConfig(),
	});
	const results = await eslint.lintFiles(files);
	const formatter = await eslint.loadFormatter('stylish');
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	return { packageDir, files, errors, warnings, report: await formatter.format(results) };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
	const tarball = process.argv[2] ? path.resolve(process.argv[2]) : newestTarball();
	if (!tarball || !existsSync(tarball)) {
		console.error('tarball lint: no tarball given and none found in .e2e/ (run `npm pack --pack-destination .e2e` first)');
		process.exit(2);
	}
	try {
		const { files, errors, warnings, report } = await lintTarball(tarball);
		const jsFiles = files.filter((file) => file.endsWith('.js')).length;
		console.log(`tarball lint: ${path.basename(tarball)}: ${jsFiles} .js files and package.json`);
		if (report.trim()) console.log(report.trim());
		console.log(`tarball lint: ${errors + warnings} findings (${errors} errors, ${warnings} warnings)`);
		process.exit(errors + warnings > 0 ? 1 : 0);
	} catch (error) {
		console.error(`tarball lint: could not lint ${tarball}: ${error instanceof Error ? error.stack : error}`);
		process.exit(2);
	}
}
