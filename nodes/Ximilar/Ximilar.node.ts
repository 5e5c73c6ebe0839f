import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from './actions/router';
import { TOOL_NODE_DESCRIPTION } from './catalog/agentTexts';
import { ximilarApiTest } from './methods/credentialTest';
import { searchTasks } from './methods/searchTasks';
import { accountProperties } from './description/account';
import { toolDescriptionProperties } from './description/agentTool';
import { collectionProperties } from './description/collection';
import { gradeCardProperties } from './description/gradeCard';
import { jobProperties } from './description/job';
import { recognizeProperties } from './description/recognize';
import { upscaleProperties } from './description/upscale';

/**
 * The node only wires: the services are data (catalog/), the UI is built from them
 * (description/), and one execute() batches records across items (actions/, execution/),
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
		credentials: [{ name: 'ximilarApi', required: true, testedBy: 'ximilarApiTest' }],
		properties: [
			...toolDescriptionProperties,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				// The main job first: n8n lists a node's actions grouped in this order, so
				// "Recognize an image" heads the list (n8n alphabetizes only from five options).
				options: [
					{ name: 'Image', value: 'image' },
					{ name: 'Account', value: 'account' },
					{ name: 'Collection', value: 'collection' },
					{ name: 'Job', value: 'job' },
				],
				default: 'image',
			},
			...accountProperties,
			...recognizeProperties,
			...gradeCardProperties,
			...upscaleProperties,
			...collectionProperties,
			...jobProperties,
		],
	};

	methods = { credentialTest: { ximilarApiTest }, listSearch: { searchTasks } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
