/** examples/*.json: imported as they are, and a test copy of each is run. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from '../lib/config';
import { check } from '../lib/report';
import { readWorkflow, withSimulatorUrl, type TestCase, type Workflow } from '../lib/workflows';
import { MCP_TRIGGER_TYPE } from '../mcp/workflow';
import { checkExampleFile } from './fileChecks';
import { EXAMPLE_FIXTURES } from './fixtures';
import { exampleTestCopy } from './testCopies';

export function exampleCases(simUrl: string): { cases: TestCase[]; importOnly: Workflow[] } {
	const cases: TestCase[] = [];
	const importOnly: Workflow[] = [];
	const exampleDir = path.join(ROOT, 'examples');
	const examples = readdirSync(exampleDir).filter((name) => name.endsWith('.json')).sort();
	examples.forEach((file, index) => {
		const example = readWorkflow(path.join(exampleDir, file));
		if (example.nodes.some((node) => node.type === MCP_TRIGGER_TYPE)) return; // served and called by the mcp stage (e2e/mcp/)
		checkExampleFile(file, example);
		importOnly.push({ ...example, id: `e2eExample${index + 1}`, active: false });
		const fixture = EXAMPLE_FIXTURES[file];
		if (!check(`example ${file}: has a fixture and checks in e2e/examples/fixtures.ts`, fixture !== undefined)) return;
		try {
			const id = `e2eExampleCopy${index + 1}`;
			const workflow = exampleTestCopy(withSimulatorUrl(example, simUrl), fixture, id, file);
			cases.push({ id, label: `examples/${file}`, workflow, verify: fixture.verify, setup: fixture.setup });
		} catch (error) {
			check(`example ${file}: test copy`, false, (error as Error).message);
		}
	});
	return { cases, importOnly };
}
