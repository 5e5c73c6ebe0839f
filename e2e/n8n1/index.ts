/**
 * Stage "n8n1": the same test workflows and examples, with the same checks, on n8n 1.x,
 * pinned in e2e/n8n1/ (on Node 20 it needs isolated-vm 5 and the registry's xlsx) and installed
 * into .e2e/n8n1/ by the runner when missing. The install starts in the background at the beginning
 * of the run and is awaited when the stage runs. Skipped with E2E_SKIP=n8n1.
 */
import path from 'node:path';

import type { XimilarSimulator } from '../../test/simulator';
import { ROOT, WORK } from '../lib/config';
import { executeCase } from '../lib/execute';
import { importIntoN8n } from '../lib/importing';
import { ensureN8n } from '../lib/install';
import { n8n, type N8nTarget } from '../lib/n8nCli';
import { installIntoUserFolder } from '../lib/package';
import { check } from '../lib/report';
import { stageSkipped, timedStage } from '../lib/stages';
import { collectionIds, type TestCase, type Workflow } from '../lib/workflows';
import { runMcpStage } from '../mcp';

const PIN = path.join(ROOT, 'e2e', 'n8n1');
const DIR = path.join(WORK, 'n8n1');

const N8N1_ENV = {
	// 2.x's default; 1.x keeps binary data in memory unless told (the checks expect n8n's filesystem mode).
	N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
	// 1.123.81 defaults to its new isolated-vm expression engine, in which every $('Node') lookup
	// gives null (seen here on Node 20 with isolated-vm 5.0.4, even between n8n's own Code and Set
	// nodes); 'legacy' is the engine 1.x used before and 2.8.4 uses.
	N8N_EXPRESSION_ENGINE: 'legacy',
};

export interface N8n1Stage {
	run(tarball: string, sim: XimilarSimulator, cases: TestCase[], importOnly: Workflow[]): Promise<void>;
}

/** Starts installing n8n 1.x now; `run` waits for it, then runs every case on it. */
export function prepareN8n1Stage(): N8n1Stage {
	if (stageSkipped('n8n1')) return { run: async () => undefined };
	const installed = ensureN8n(PIN, DIR).then(
		() => undefined,
		(error: unknown) => (error instanceof Error ? error : new Error(String(error))),
	);
	return {
		run: (tarball, sim, cases, importOnly) =>
			timedStage('n8n1', async () => {
				const failure = await installed;
				if (!check('n8n 1.x: installed from e2e/n8n1/', failure === undefined, failure?.message)) return;
				const target: N8nTarget = { bin: path.join(DIR, 'node_modules', '.bin', 'n8n'), userFolder: path.join(WORK, 'user-n8n1'), env: N8N1_ENV };
				const version = (await n8n('n8n1-version', ['--version'], 60_000, target)).stdout.trim();
				target.name = `n8n ${version}`;
				console.log(`n8n1: version ${version}`);
				check(`n8n1: the pinned n8n is 1.x (${version})`, /^1\.\d+\.\d+$/.test(version));
				await installIntoUserFolder(tarball, target.userFolder);
				// A clean simulator, as the 2.8.4 run had (its collections start empty).
				sim.reset();
				for (const id of cases.flatMap((testCase) => collectionIds(testCase.workflow))) sim.createCollection(id);
				await importIntoN8n(sim, cases, importOnly, target);
				for (const testCase of cases) await executeCase(testCase, sim, target);
				await runMcpStage(sim, target);
			}),
	};
}
