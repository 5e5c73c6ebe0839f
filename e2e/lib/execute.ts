/** Running one test case with `n8n execute` and checking its run. */
import type { XimilarSimulator } from '../../test/simulator';
import { DEFAULT_N8N, n8n } from './n8nCli';
import { tail } from './process';
import { check, seconds } from './report';
import { extractRunData } from './runData';
import { Run } from './testRun';
import type { TestCase } from './workflows';

export async function executeCase(testCase: TestCase, sim: XimilarSimulator, target = DEFAULT_N8N): Promise<void> {
	await testCase.setup?.(sim);
	const runStarted = Date.now();
	const firstRequest = sim.log.length;
	// A workflow may ask for the simulator's latency model (meta.e2eLatency) for its run.
	const latency = (testCase.workflow.meta as { e2eLatency?: { latencyMs: number; perRecordMs: number } } | undefined)?.e2eLatency;
	const before = { latencyMs: sim.latencyMs, perRecordMs: sim.perRecordMs };
	if (latency) Object.assign(sim, latency);
	let result;
	try {
		result = await n8n(`execute-${testCase.id}`, ['execute', `--id=${testCase.id}`, '--rawOutput'], undefined, target);
	} finally {
		Object.assign(sim, before);
	}
	const data = extractRunData(result.stdout);
	const label = target.name ? `${target.name}: ${testCase.label}` : testCase.label;
	const ok = check(
		`${label}: n8n execute ran the workflow (${seconds(runStarted)})`,
		result.code === 0 && data !== undefined && !data.data.resultData.error,
		`exit ${result.code}, ${data?.data.resultData.error?.message ?? 'no run data in the output'}, see ${result.log}\n${tail(result.stdout + result.stderr)}`,
	);
	if (!ok || !data) return;
	const run = new Run(label, data, sim.log.slice(firstRequest));
	const nodeErrors = Object.keys(data.data.resultData.runData).filter((node) => run.nodeError(node));
	run.equal('no node failed', nodeErrors, []);
	const skipped = testCase.workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote' && !run.ran(node.name)).map((node) => node.name);
	run.equal('every node ran', skipped, []);
	try {
		testCase.verify(run, sim);
	} catch (error) {
		run.check('checks ran to the end', false, (error as Error).stack);
	}
}
