import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret header of Ximilar's job callbacks, kept in a credential (encrypted, never in the
 * workflow JSON users export and share). The Ximilar node sends it with every job in Webhook
 * mode; Ximilar sends it back with the callback; the Ximilar Trigger refuses any callback
 * without it. One credential for both nodes: the secret is entered once.
 */
export class XimilarWebhookApi implements ICredentialType {
	name = 'ximilarWebhookApi';

	displayName = 'Ximilar Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Ximilar/ximilar.svg',
		dark: 'file:../nodes/Ximilar/ximilar.dark.svg',
	};

	documentationUrl = 'https://docs.ximilar.com/async-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random value only your n8n and Ximilar know. The Ximilar node sends it with each job; the Ximilar Trigger refuses callbacks that do not carry exactly this value (HTTP 401).',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Ximilar-Webhook-Secret',
			required: true,
			description: 'The header that carries the secret, sent with each job and passed back by Ximilar with the callback',
		},
	];
}
