/**
 * End to end: the packed package in a real n8n.
 *
 *   npm run e2e        (= npm run build && ts-node --transpile-only e2e/run.ts)
 *
 * 1. Installs the n8n pinned in e2e/n8n/ into .e2e/n8n/ (only when it is missing or the
 *    pinned manifest changed: about 5 minutes and 2.3 GB the first time).
 * 2. Packs this repository with `npm pack` and lints the tarball's JavaScript with n8n's
 *    community rules (e2e/lint-tarball.mjs).
 * 3. Makes a fresh N8N_USER_FOLDER (.e2e/user/), installs the tarball into its
 *    .n8n/nodes folder as n8n installs community packages (node type n8n-nodes-ximilar.ximilar).
 * 4. Starts the Ximilar simulator, imports a credential "Ximilar account" pointing at it,
 *    imports e2e/workflows/*.json, every example in examples/ as it is, and a test copy of
 *    each example whose third-party triggers and sinks are swapped for offline nodes.
 * 5. Runs each test workflow with `n8n execute --id=<id> --rawOutput`, reads the run data
 *    and checks it (and what reached the simulator).
 *
 * 6. Stages, each skippable locally with E2E_SKIP=<name>,...: mcp (e2e/mcp/), async (e2e/async/), n8n1 (steps
 *    3-5 on n8n 1.x, e2e/n8n1/), queue (queue mode: Redis, Postgres, an n8n main and two workers, e2e/queue/),
 *    browser (the editor in chromium, e2e/browser/).
 *
 * Prints PASS/FAIL per check and `e2e: N passed, M failed`; exits 1 on any failure.
 * Logs of every command go to .e2e/logs/.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import { XimilarSimulator } from '../test/simulator';
import { runAsyncStage } from './async';
import { browserStage } from './browser';
import { workflowCases } from './checks';
import { exampleCases } from './examples';
import { LOGS, ROOT } from './lib/config';
import { executeCase } from './lib/execute';
import { importIntoN8n } from './lib/importing';
import { ensureN8n } from './lib/install';
import { n8n, reserveBrokerPort } from './lib/n8nCli';
import { installIntoUserFolder, lintTarball, packRepository } from './lib/package';
import { check, finish, seconds } from './lib/report';
import { collectionIds } from './lib/workflows';
import { runMcpStage } from './mcp';
import { prepareN8n1Stage } from './n8n1';
import { runQueueStage } from './queue';

async function main(): Promise<void> {
	const started = Date.now();
	rmSync(LOGS, { recursive: true, force: true });
	await reserveBrokerPort();
	const n8n1 = prepareN8n1Stage();
	await ensureN8n();
	const version = await n8n('n8n-version', ['--version'], 60_000);
	console.log(`n8n: version ${version.stdout.trim()}`);

	const tarball = await packRepository();
	await lintTarball(tarball);
	await installIntoUserFolder(tarball);

	const sim = await XimilarSimulator.start();
	try {
		const setupStarted = Date.now();
		const cases = workflowCases(sim.url);
		const examples = exampleCases(sim.url);
		cases.push(...examples.cases);
		for (const id of cases.flatMap((testCase) => collectionIds(testCase.workflow))) sim.createCollection(id);
		await importIntoN8n(sim, cases, examples.importOnly);
		console.log(`setup: ${seconds(setupStarted)}`);

		for (const testCase of cases) await executeCase(testCase, sim);
		await runMcpStage(sim);
		await runAsyncStage(sim);
		await browserStage(sim);
		await n8n1.run(tarball, sim, cases, examples.importOnly);
	} finally {
		await sim.close();
	}
	await runQueueStage(tarball);
	console.log(`e2e: took ${seconds(started)} (logs in ${path.relative(ROOT, LOGS)}/)`);
}

main()
	.catch((error: unknown) => {
		check('e2e run', false, error instanceof Error ? error.message : String(error));
	})
	.finally(finish);
