/**
 * The queue-mode test workflow: a production webhook takes a multipart call carrying image files
 * and a list of image URLs; the files go through one Ximilar node (binary), the URLs through
 * another (URL); the answer lists the files' results, then the URLs' results, each in input order.
 */
import { randomUUID } from 'node:crypto';

import { CREDENTIAL_NAME, NODE_TYPE } from '../lib/config';
import type { Workflow, WorkflowNode } from '../lib/workflows';

export const QUEUE_WORKFLOW_ID = 'e2eQueueWebhook1';

// One item per uploaded file (fields file0, file1, ... in order), the file as binary property `data`.
const FILES_CODE = `const request = $input.first();
const call = request.json.body.call;
const fields = Object.keys(request.binary ?? {}).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
return fields.map((field, index) => ({
  json: { id: call + '-f' + index, field, fileName: request.binary[field].fileName },
  binary: { data: request.binary[field] },
}));`;

// One item per URL of the JSON list in the form field \`urls\`.
const URLS_CODE = `const body = $input.first().json.body;
return JSON.parse(body.urls).map((url, index) => ({ json: { id: body.call + '-u' + index, url } }));`;

const code = (name: string, jsCode: string, position: [number, number]): WorkflowNode => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position,
	parameters: { jsCode },
});

const ximilar = (name: string, source: Record<string, string>, position: [number, number]): WorkflowNode => ({
	name,
	type: NODE_TYPE,
	typeVersion: 1,
	position,
	parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', ...source, recordId: '={{ $json.id }}', serviceOptions: {}, output: 'allColumns', options: {} },
	credentials: { ximilarApi: { id: null, name: CREDENTIAL_NAME } },
});

/** A production webhook (POST) that answers with the last node's items: how queue-mode executions are started here. */
export const webhookNode = (webhookPath: string): WorkflowNode => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: randomUUID(),
	parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
});

const to = (node: string, index = 0) => ({ main: [[{ node, type: 'main', index }]] });

export function queueWorkflow(webhookPath: string): Workflow {
	return {
		id: QUEUE_WORKFLOW_ID,
		name: '[e2e] Queue mode: images by upload and by URL through a production webhook',
		nodes: [
			webhookNode(webhookPath),
			code('Files', FILES_CODE, [220, -100]),
			code('URLs', URLS_CODE, [220, 100]),
			ximilar('Identify Files', { imageSource: 'binary', binaryPropertyName: 'data' }, [440, -100]),
			ximilar('Identify URLs', { imageSource: 'url', imageUrl: '={{ $json.url }}' }, [440, 100]),
			{ name: 'Results', type: 'n8n-nodes-base.merge', typeVersion: 3, position: [660, 0], parameters: {} },
		],
		connections: {
			Webhook: { main: [[{ node: 'Files', type: 'main', index: 0 }, { node: 'URLs', type: 'main', index: 0 }]] },
			Files: to('Identify Files'),
			URLs: to('Identify URLs'),
			'Identify Files': to('Results', 0),
			'Identify URLs': to('Results', 1),
		},
		settings: { executionOrder: 'v1' },
	};
}
