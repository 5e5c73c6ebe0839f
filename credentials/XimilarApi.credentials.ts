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

	// The account endpoint is free and answers 401 {"detail": "..."} for a rejected token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiUrl.replace(/\\/+$/, "")}}',
			url: '/account/v2/details/',
			method: 'GET',
		},
	};
}
