/** Turning an example into its offline test copy: triggers become Code nodes with fixture items, sinks become Set or No Op nodes. */
import { NODE_TYPE } from '../lib/config';
import type { Workflow, WorkflowNode } from '../lib/workflows';
import type { ExampleFixture } from './fixtures';


const TRIGGER_TYPES = new Set([
	'n8n-nodes-base.webhook',
	'n8n-nodes-base.formTrigger',
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-ximilar.ximilarTrigger',
]);
/** Node types that run offline as they are. Any other node is a third-party sink and gets replaced. */
const OFFLINE_TYPES = new Set([
	NODE_TYPE,
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.code',
	'n8n-nodes-base.set',
	'n8n-nodes-base.noOp',
	'n8n-nodes-base.stickyNote',
	'n8n-nodes-base.if',
	'n8n-nodes-base.filter',
	'n8n-nodes-base.switch',
	'n8n-nodes-base.merge',
	'n8n-nodes-base.splitOut',
	'n8n-nodes-base.limit',
	'n8n-nodes-base.aggregate',
	'n8n-nodes-base.sort',
	'n8n-nodes-base.convertToFile',
	'n8n-nodes-base.extractFromFile',
	'n8n-nodes-base.dateTime',
]);

function setNode(node: WorkflowNode, fields: Array<{ name: string; value: unknown; type: string }>): WorkflowNode {
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: node.position,
		parameters: {
			assignments: {
				assignments: fields.map((field, index) => ({ id: `e2e-${index}`, ...field })),
			},
			options: {},
		},
	};
}

/** A stand-in for a sink: a Set node evaluating the columns it would write, or a No Op. */
function replaceSink(node: WorkflowNode): WorkflowNode {
	if (node.type === 'n8n-nodes-base.respondToWebhook') {
		return setNode(node, [
			{ name: 'response_code', value: Number(node.parameters.options?.responseCode ?? 200), type: 'number' },
			{ name: 'response_body', value: node.parameters.responseBody ?? '', type: 'string' },
		]);
	}
	const columns = node.parameters.columns as { value?: Record<string, unknown>; schema?: Array<{ id: string; type?: string }> } | undefined;
	if (columns?.value && Object.keys(columns.value).length > 0) {
		const typeOf = (column: string) => (columns.schema?.find((entry) => entry.id === column)?.type === 'number' ? 'number' : 'string');
		return setNode(node, Object.entries(columns.value).map(([name, value]) => ({ name, value, type: typeOf(name) })));
	}
	return { id: node.id, name: node.name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: node.position, parameters: {} };
}

export function exampleTestCopy(example: Workflow, fixture: ExampleFixture, id: string, file: string): Workflow {
	const copy = JSON.parse(JSON.stringify(example)) as Workflow;
	const starts: string[] = [];
	copy.nodes = copy.nodes.map((node) => {
		if (TRIGGER_TYPES.has(node.type)) {
			const items = fixture.triggers?.[node.name];
			if (!items) throw new Error(`${file}: no fixture items for the trigger "${node.name}" in EXAMPLE_FIXTURES`);
			starts.push(node.name);
			return {
				id: node.id,
				name: node.name,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: node.position,
				parameters: { jsCode: `// e2e stand-in for the ${node.type} trigger\nreturn ${JSON.stringify(items)};` },
			};
		}
		// A timed Wait keeps its place but waits a second; a Wait for a webhook call has no caller offline.
		if (node.type === 'n8n-nodes-base.wait' && (node.parameters.resume ?? 'timeInterval') === 'timeInterval') {
			return { ...node, parameters: { ...node.parameters, amount: 1, unit: 'seconds' } };
		}
		return OFFLINE_TYPES.has(node.type) ? node : replaceSink(node);
	});
	if (starts.length > 0) {
		const [x, y] = copy.nodes.find((node) => node.name === starts[0])?.position ?? [0, 0];
		copy.nodes.push({ id: 'e2e-start', name: 'E2E Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [x - 220, y], parameters: {} });
		copy.connections['E2E Start'] = { main: [starts.map((node) => ({ node, type: 'main', index: 0 }))] };
	}
	if (!copy.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger')) {
		throw new Error(`${file}: neither a Manual Trigger nor a trigger the runner knows how to replace`);
	}
	return { ...copy, id, name: `[e2e copy] ${example.name}`.slice(0, 128), active: false };
}
