import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RESOURCES, route } from './actions/router';
import { TOOL_NODE_DESCRIPTION } from './catalog/agentTexts';
import { toolDescriptionProperties } from './description/agentTool';
import { ximilarApiTest } from './methods/credentialTest';
import { searchFlows } from './methods/searchFlows';
import { searchTasks } from './methods/searchTasks';
import { ximilarWebhookTest } from './records/webhookSecret';

/**
 * The node only wires: each operation is one file under actions/ (its fields and its
 * execute), found through the router's table. One execute() batches records across items,
 * which n8n's declarative routing cannot do (it sends one request per item).
 */
export class Ximilar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ximilar',
		name: 'ximilar',
		icon: { light: 'file:ximilar.svg', dark: 'file:ximilar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Identify trading cards and comics, tag fashion and home decor, recognize custom images and search visual collections with Ximilar',
		defaults: { name: 'Ximilar' },
		// The tool variant: its own description in the nodes panel; per-service texts for the agent come from toolDescriptionProperties.
		usableAsTool: { replacements: { description: TOOL_NODE_DESCRIPTION } },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ximilarApi', required: true, testedBy: 'ximilarApiTest' },
			// The callback's secret header, for async jobs in Webhook mode (shared with the Ximilar Trigger).
			{ name: 'ximilarWebhookApi', required: true, testedBy: 'ximilarWebhookTest', displayOptions: { show: { resultMode: ['webhook'] } } },
		],
		properties: [
			...toolDescriptionProperties,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: Object.values(RESOURCES).map(({ resource }) => resource),
				default: 'image',
			},
			...Object.values(RESOURCES).flatMap(({ description }) => description),
		],
	};

	methods = { credentialTest: { ximilarApiTest, ximilarWebhookTest }, listSearch: { searchTasks, searchFlows } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
