import type { INodeProperties } from 'n8n-workflow';

export const accountProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Details',
				value: 'getDetails',
				action: 'Get account details',
				description: 'Get the account, its credit usage and limit (costs no credit)',
			},
		],
		default: 'getDetails',
	},
];
