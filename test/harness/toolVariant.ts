import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { loadPackage } from './package';

export const TOOL_TYPE = 'n8n-nodes-ximilar.ximilarTool';

/**
 * The tool variant as n8n 2.8.4 builds it at run time (NodeTypes.getByNameAndVersion ->
 * convertNodeToAiTool): the node's own description, name + "Tool"; `usableAsTool`
 * replacements apply only to the editor's copy. n8n would add its own "Tool Description"
 * parameter here, but only to a node that has none, and ours has. Inputs and outputs
 * stay `main` so that WorkflowExecute can run it as a single node.
 */
export function ximilarTool(): INodeType {
	const { Ximilar } = loadPackage();
	const node = new Ximilar();
	const description: INodeTypeDescription = deepCopy(node.description);
	description.name += 'Tool';
	description.displayName += ' Tool';
	delete description.usableAsTool;
	return Object.assign(Object.create(node) as INodeType, { description });
}
