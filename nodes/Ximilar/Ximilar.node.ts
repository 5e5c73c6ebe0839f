import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from './actions/router';
import { ximilarApiTest } from './methods/credentialTest';
import { accountProperties } from './description/account';
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
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ximilarApi', required: true, testedBy: 'ximilarApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Collection', value: 'collection' },
					{ name: 'Image', value: 'image' },
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

	methods = { credentialTest: { ximilarApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
