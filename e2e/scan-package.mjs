#!/usr/bin/env node
// Runs n8n's own community package scanner (@n8n/scan-community-package, its
// analyzePackage config and file patterns) offline, on the two legs n8n scans:
//   source: this repository (package.json, nodes/ and credentials/ sources), as the
//           scanner lints the commit named in the package's provenance;
//   tarball: the compiled .js and package.json of a packed tarball (optional argument).
// The scanner passes a package with warnings; this script fails on any finding
// (error or warning), so nothing slips in unnoticed.
//
// Usage: node e2e/scan-package.mjs [path/to/n8n-nodes-ximilar-x.y.z.tgz]
// Prints the findings and a last line `scan: N findings (...)`; exits 1 on any finding,
// 2 when it could not scan at all. `npm test` runs the source leg; the e2e runner both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildScanConfig, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs'; // same as SCANNER
import { ESLint } from 'eslint';

const SCANNER = '@n8n/scan-community-package/scanner/scanner.mjs';
// The scanner's own fast-glob, so the files are picked exactly as it picks them.
const glob = createRequire(import.meta.resolve(SCANNER))('fast-glob');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The tarball leg's patterns in analyzePackageByName: compiled JavaScript and the published package.json. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** analyzePackage of the scanner, counting warnings too. */
async function scan(label, packageDir, patterns) {
	const eslint = new ESLint({ cwd: packageDir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
	const files = glob.sync(patterns, { cwd: packageDir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	if (files.length === 0) throw new Error(`${label}: no files to scan in ${packageDir}`);
	const results = await eslint.lintFiles(files);
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	const report = (await (await eslint.loadFormatter('stylish')).format(results)).trim();
	console.log(`scan ${label}: ${files.length} files, ${errors + warnings} findings (${errors} errors, ${warnings} warnings)`);
	if (report) console.log(report);
	return errors + warnings;
}

function unpack(tarball) {
	const target = mkdtempSync(path.join(tmpdir(), 'ximilar-scan-'));
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar -xzf ${tarball} failed: ${tar.stderr || tar.error}`);
	if (!existsSync(path.join(target, 'package.json'))) throw new Error(`${tarball} holds no package/package.json`);
	return target;
}

const tarball = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
let unpacked;
try {
	let findings = await scan('source', ROOT, SOURCE_FILE_PATTERNS);
	if (tarball) {
		unpacked = unpack(tarball);
		findings += await scan(`tarball ${path.basename(tarball)}`, unpacked, TARBALL_FILE_PATTERNS);
	}
	console.log(`scan: ${findings} findings`);
	process.exitCode = findings > 0 ? 1 : 0;
} catch (error) {
	console.error(`scan: could not scan: ${error instanceof Error ? error.stack : error}`);
	process.exitCode = 2;
} finally {
	if (unpacked) rmSync(unpacked, { recursive: true, force: true });
}
