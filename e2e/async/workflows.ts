/** The async stage's workflows: the Ximilar Trigger, a node submitting to it, and a Wait-node round trip. */
import { CREDENTIAL_ID, CREDENTIAL_NAME, NODE_TYPE, WEBHOOK_CREDENTIAL_ID, WEBHOOK_CREDENTIAL_NAME, WEBHOOK_SECRET } from '../lib/config';
import type { Workflow, WorkflowNode } from '../lib/workflows';

export const TRIGGER_WEBHOOK_ID = 'e2e-ximilar-trigger-0001';
export const SECRET = WEBHOOK_SECRET;
export const IDS = { trigger: 'e2eAsyncTrigger1', submit: 'e2eAsyncSubmit01', wait: 'e2eAsyncWaitNode' };
export const START_PATHS = { submit: 'e2e-async-submit', wait: 'e2e-async-wait' };

const credentials = { ximilarApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
const webhookCredential = { ximilarWebhookApi: { id: WEBHOOK_CREDENTIAL_ID, name: WEBHOOK_CREDENTIAL_NAME } };

const webhookStart = (path: string): WorkflowNode => ({
	name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `${path}-id`,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});

/** An HTTP Request node that posts each item's json to the stage's sink, so the test sees what n8n emitted. */
const toSink = (url: string, x: number): WorkflowNode => ({
	name: 'To Sink', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [x, 0],
	parameters: { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
});

const chain = (...names: string[]): Workflow['connections'] =>
	Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

export function asyncWorkflows(simUrl: string, n8nUrl: string, sinkUrl: string): Workflow[] {
	const triggerUrl = `${n8nUrl}/webhook/${TRIGGER_WEBHOOK_ID}/ximilar`;
	const trigger: Workflow = {
		id: IDS.trigger, name: 'e2e async: Ximilar Trigger', settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: 'Ximilar Trigger', type: 'n8n-nodes-ximilar.ximilarTrigger', typeVersion: 1, position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID, parameters: {}, credentials: webhookCredential,
			},
			toSink(`${sinkUrl}/trigger`, 300),
		],
		connections: chain('Ximilar Trigger', 'To Sink'),
	};
	const submit: Workflow = {
		id: IDS.submit, name: 'e2e async: grade with webhook to the trigger', settings: { executionOrder: 'v1' },
		nodes: [
			webhookStart(START_PATHS.submit),
			{
				name: 'Grade Card', type: NODE_TYPE, typeVersion: 1, position: [300, 0], credentials: { ...credentials, ...webhookCredential },
				parameters: {
					resource: 'image', operation: 'gradeCard', gradingEndpoint: 'grade', imageSource: 'url',
					imageUrl: `${simUrl}/samples/card-1.png`, withBack: true, backImageUrl: `${simUrl}/samples/card-2.png`,
					recordId: 'e2e-card', resultMode: 'webhook', webhookUrl: triggerUrl, options: {},
				},
			},
			toSink(`${sinkUrl}/submitted`, 600),
		],
		connections: chain('Start', 'Grade Card', 'To Sink'),
	};
	const wait: Workflow = {
		id: IDS.wait, name: 'e2e async: upscale, Wait node resumes on the callback', settings: { executionOrder: 'v1' },
		nodes: [
			webhookStart(START_PATHS.wait),
			{
				name: 'Upscale', type: NODE_TYPE, typeVersion: 1, position: [300, 0], credentials: { ...credentials, ...webhookCredential },
				parameters: {
					resource: 'image', operation: 'upscale', upscaleEndpoint: 'upscale_2x', imageSource: 'url',
					imageUrl: `${simUrl}/samples/card-3.png`, resultMode: 'webhook', webhookUrl: '={{ $execution.resumeUrl }}', options: {},
				},
			},
			{
				name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [600, 0], webhookId: 'e2e-async-wait-resume',
				parameters: { resume: 'webhook', httpMethod: 'POST', options: {} },
			},
			toSink(`${sinkUrl}/resumed`, 900),
		],
		connections: chain('Start', 'Upscale', 'Wait', 'To Sink'),
	};
	return [trigger, submit, wait];
}
