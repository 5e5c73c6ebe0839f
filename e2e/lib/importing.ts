/** Importing the simulator credential and all workflows into n8n. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { XimilarSimulator } from '../../test/simulator';
import { CREDENTIAL_ID, CREDENTIAL_NAME, WEBHOOK_CREDENTIAL_ID, WEBHOOK_CREDENTIAL_NAME, WEBHOOK_SECRET, WORK } from './config';
import { DEFAULT_N8N, n8n } from './n8nCli';
import { tail } from './process';
import { check } from './report';
import type { TestCase, Workflow } from './workflows';

/** One import for the credential, one for all workflows. */
export async function importIntoN8n(sim: XimilarSimulator, cases: TestCase[], importOnly: Workflow[], target = DEFAULT_N8N): Promise<void> {
	const inputDir = path.join(WORK, 'import');
	rmSync(inputDir, { recursive: true, force: true });
	mkdirSync(inputDir, { recursive: true });
	const credentialFile = path.join(inputDir, 'credentials.json');
	const credentials = [
		{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'ximilarApi', data: { apiToken: sim.token, apiUrl: sim.url } },
		{ id: WEBHOOK_CREDENTIAL_ID, name: WEBHOOK_CREDENTIAL_NAME, type: 'ximilarWebhookApi', data: { headerName: 'X-Ximilar-Webhook-Secret', secret: WEBHOOK_SECRET } },
	];
	writeFileSync(credentialFile, JSON.stringify(credentials, null, 2));
	const importedCredential = await n8n('import-credentials', ['import:credentials', `--input=${credentialFile}`], undefined, target);
	const on = target.name ? `${target.name}: ` : '';
	check(`${on}n8n import:credentials (ximilarApi pointing at the simulator, ximilarWebhookApi)`, importedCredential.code === 0, `see ${importedCredential.log}\n${tail(importedCredential.stdout + importedCredential.stderr)}`);

	const workflowFile = path.join(inputDir, 'workflows.json');
	const all = [...cases.map((testCase) => testCase.workflow), ...importOnly];
	writeFileSync(workflowFile, JSON.stringify(all, null, 2));
	const importedWorkflows = await n8n('import-workflows', ['import:workflow', `--input=${workflowFile}`], undefined, target);
	check(
		`${on}n8n import:workflow: ${cases.length} test workflows and ${importOnly.length} examples as they are`,
		importedWorkflows.code === 0 && importedWorkflows.stdout.includes(`Successfully imported ${all.length} workflows`),
		`see ${importedWorkflows.log}\n${tail(importedWorkflows.stdout + importedWorkflows.stderr)}`,
	);
}
