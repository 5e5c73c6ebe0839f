import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class XimilarApi implements ICredentialType {
	name = 'ximilarApi';

	displayName = 'Ximilar API';

	icon: Icon = {
		light: 'file:../nodes/Ximilar/ximilar.svg',
		dark: 'file:../nodes/Ximilar/ximilar.dark.svg',
	};

	documentationUrl = 'https://docs.ximilar.com/quickstart';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your Ximilar API token, from the Ximilar App: Account > Settings > API token',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.ximilar.com',
			description:
				'Base URL of the Ximilar API. Change it only for a private Ximilar deployment or a test server.',
		},
	];

	// Ximilar expects "Authorization: Token <key>" (Django REST framework token auth). The
	// token is trimmed, as the node and the credential's Test trim it: a pasted token often
	// ends in a newline, which a header cannot carry.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Token {{String($credentials.apiToken).trim()}}',
			},
		},
	};

	// No declarative `test` here: n8n would prefer it over the node's `testedBy` method
	// (nodes/Ximilar/methods/credentialTest.ts), whose messages say what went wrong.
}
