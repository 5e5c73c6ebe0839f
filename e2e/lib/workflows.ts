/** Workflow files and the test cases made from them. */
import { readFileSync } from 'node:fs';

import type { XimilarSimulator } from '../../test/simulator';
import { NODE_TYPE, SIM_URL_PLACEHOLDER } from './config';
import type { Run } from './testRun';

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, any>;
	credentials?: Record<string, { id: string | null; name: string }>;
	webhookId?: string;
	onError?: string;
	[key: string]: unknown;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export type Verify = (run: Run, sim: XimilarSimulator) => void;

export interface TestCase {
	id: string;
	label: string;
	workflow: Workflow;
	verify: Verify;
	/** What the simulator must hold before the run (e.g. jobs that failed), done before every execution of the case. */
	setup?: (sim: XimilarSimulator) => Promise<void>;
}

export const readWorkflow = (file: string): Workflow => JSON.parse(readFileSync(file, 'utf8')) as Workflow;

/** Puts the simulator's address where a workflow says __SIMULATOR_URL__. */
export function withSimulatorUrl(workflow: Workflow, simUrl: string): Workflow {
	return JSON.parse(JSON.stringify(workflow).split(SIM_URL_PLACEHOLDER).join(simUrl)) as Workflow;
}

/**
 * Collection IDs the workflow's Ximilar nodes use: the simulator must know them before the
 * run. IDs mapped from items by an expression are listed in the workflow's `meta.e2eCollections`.
 */
export function collectionIds(workflow: Workflow): string[] {
	const mapped = (workflow.meta as { e2eCollections?: string[] } | undefined)?.e2eCollections ?? [];
	return workflow.nodes
		.filter((node) => node.type === NODE_TYPE && node.parameters.resource === 'collection')
		// The Collection field holds a resource locator ({ mode: 'id', value }); an older workflow, plain text.
		.map((node) => {
			const field = node.parameters.collectionId as { value?: unknown } | string | undefined;
			return String((typeof field === 'object' && field !== null ? field.value : field) ?? '');
		})
		.filter((id) => id !== '' && !id.startsWith('='))
		.concat(mapped);
}
