/** e2e/workflows/*.json: each workflow file with its checks, as test cases. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from '../lib/config';
import { check } from '../lib/report';
import { readWorkflow, withSimulatorUrl, type TestCase, type Verify } from '../lib/workflows';
import { verifyCardLanguage } from './cardLanguage';
import { verifyCollectionSearch } from './collection';
import { verifyDistinctImages } from './distinct';
import { setUpEdges, verifyEdges } from './edges';
import { verifyRunFlow } from './flows';
import { verifyFloodComparison } from './flood';
import { verifyPerItemCollections } from './perItem';
import { verifyRecognizeBinary } from './recognize';
import { verifyRecognizeShapes } from './shapes';

const ownChecks: Record<string, Verify> = {
	'recognize-binary.json': verifyRecognizeBinary,
	'collection-search.json': verifyCollectionSearch,
	'per-item-collections.json': verifyPerItemCollections,
	'recognize-shapes.json': verifyRecognizeShapes,
	'flood-comparison.json': verifyFloodComparison,
	'run-flow.json': verifyRunFlow,
	'card-language.json': verifyCardLanguage,
	'distinct-images.json': verifyDistinctImages,
	'edges.json': verifyEdges,
};

/** What the simulator must hold before a workflow's run, done before every execution of it. */
const setUps: Record<string, TestCase['setup']> = {
	'edges.json': setUpEdges,
};

export function workflowCases(simUrl: string): TestCase[] {
	const cases: TestCase[] = [];
	const workflowDir = path.join(ROOT, 'e2e', 'workflows');
	for (const file of readdirSync(workflowDir).filter((name) => name.endsWith('.json')).sort()) {
		const verify = ownChecks[file];
		if (!check(`workflow ${file}: has checks in e2e/checks/`, verify !== undefined)) continue;
		const workflow = withSimulatorUrl(readWorkflow(path.join(workflowDir, file)), simUrl);
		const id = workflow.id ?? `e2eWf${cases.length + 1}`;
		cases.push({ id, label: file, workflow: { ...workflow, id }, verify, setup: setUps[file] });
	}
	return cases;
}
