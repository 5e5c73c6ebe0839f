import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
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

	// Ximilar expects "Authorization: Token <key>" (Django REST framework token auth).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Token {{$credentials.apiToken}}',
			},
		},
	};

	// The account endpoint costs no credit. n8n's tester shows a rule's message for a
	// matching status, so the texts repeat what Ximilar says ("Invalid token.") and add the fix.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiUrl.replace(/\\/+$/, "")}}',
			url: '/account/v2/details/',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Ximilar says: Invalid token. Copy the API token again from the Ximilar App (Settings > API token).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Ximilar says: You do not have permission to perform this action. Check that the token belongs to an active account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Ximilar API at this API URL: leave it at https://api.ximilar.com unless you run a private deployment.',
				},
			},
		],
	};
}
