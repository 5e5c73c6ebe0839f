import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { readWebhookSecret, WEBHOOK_CREDENTIAL, ximilarWebhookTest } from '../Ximilar/records/webhookSecret';
import { JOB_OUTPUT, outputChosen, outputProperties } from '../Ximilar/description/output';
import { callbackItems } from './callbackItems';
import { secretMatches } from './secret';

/**
 * Receives the callback Ximilar posts when an async job (card grading, upscaling, ...) is done:
 * `{id, status, response}`. Callbacks without the secret header are refused with 401 and
 * start nothing; the Ximilar node sends that header with every job in Webhook mode.
 */
export class XimilarTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ximilar Trigger',
		name: 'ximilarTrigger',
		icon: { light: 'file:ximilar.svg', dark: 'file:ximilar.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On job done',
		// n8n's nodes panel shows a trigger's description for the whole app ("Ximilar" with its
		// actions and this trigger), so it names what the node does as well.
		description:
			'Identify cards and comics, tag fashion and home decor, search visual collections with Ximilar; starts a workflow when an async job (card grading, upscaling) finishes',
		defaults: { name: 'Ximilar Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The secret header, shared with the Ximilar node's Webhook mode: entered once, kept out of the workflow JSON.
		credentials: [{ name: WEBHOOK_CREDENTIAL, required: true, testedBy: 'ximilarWebhookTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'ximilar' }],
		properties: [
			// n8n's nodes panel lists a trigger's events from a property named Event (otherwise it
			// shows "On new Ximilar event"): the one event is named for what it is.
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Job Done',
						value: 'jobDone',
						action: 'On job done',
						description: 'An async job (card grading, upscaling, card identification, flow) is done and Ximilar calls back with its result',
					},
				],
				default: 'jobDone',
			},
			{
				displayName:
					'Copy the Production URL above into the Ximilar node\'s "Webhook URL" (Get Result: Webhook), and choose the same Ximilar Webhook credential in both nodes. Publish this workflow so the URL stays live. Ximilar calls back only when a job is DONE: a job that fails never reaches this trigger, so sweep such jobs with Job > List (Status: Not Done) on a schedule.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			...outputProperties(JOB_OUTPUT),
		],
	};

	methods = { credentialTest: { ximilarWebhookTest } };

	/**
	 * Ximilar has no webhook registry: the URL travels with each job. Nothing to register or
	 * remove; publishing only checks that the secret can guard the URL (an empty one would
	 * let anyone start the workflow), and says what to fix when it cannot.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const secret = await readWebhookSecret(this);
				if ('problem' in secret) throw new NodeOperationError(this.getNode(), secret.problem, { description: secret.fix });
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const expected = await readWebhookSecret(this);
		const headerName = 'problem' in expected ? '' : expected.headerName.toLowerCase();
		const received = headerName ? this.getHeaderData()[headerName as keyof ReturnType<IWebhookFunctions['getHeaderData']>] : undefined;
		// Without a usable secret nothing is let in (secretMatches refuses an empty one too).
		if ('problem' in expected || !secretMatches(received, expected.secret)) {
			const response = this.getResponseObject();
			response.writeHead(401, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ message: 'Missing or wrong secret header' }));
			return { noWebhookResponse: true };
		}
		const output = outputChosen((name, fallback) => this.getNodeParameter(name, fallback));
		return { workflowData: [callbackItems(this.getBodyData(), output, this.getHeaderData() as IDataObject)] };
	}
}
