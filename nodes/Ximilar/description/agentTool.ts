import type { INodeProperties } from 'n8n-workflow';

import { OPERATION_AGENT_TEXT, recognizeAgentText } from '../catalog/agentTexts';
import { RECOGNITION_SERVICES } from '../catalog/services';

/**
 * The tool variant (`ximilarTool`, made by n8n from `usableAsTool`). n8n tells the agent
 * "<operation action> in Ximilar" unless the node has its own `toolDescription` parameter,
 * so the node brings one per service and operation, shown only in the tool variant
 * (`@tool`). n8n keeps a default value only while the user has not edited it: switching
 * the service switches the text, and a text the user wrote stays.
 */

/** A parameter value the agent fills, in the form n8n's editor shows as "Defined automatically by the model". */
export function fromAiDefault(key: string, description: string): string {
	return `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${description}\`, 'string') }}`;
}

function toolDescription(text: string, show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		default: text,
		description:
			'What the AI agent reads about this tool. Written for the chosen service; say in your own words when the agent should use it.',
		displayOptions: { show: { '@tool': [true], ...show } },
	};
}

export const toolDescriptionProperties: INodeProperties[] = [
	...RECOGNITION_SERVICES.map((service) =>
		toolDescription(recognizeAgentText(service), {
			resource: ['image'],
			operation: ['recognize'],
			service: [service.value],
		}),
	),
	...Object.entries(OPERATION_AGENT_TEXT).map(([key, text]) => {
		const [resource, operation] = key.split('.');
		return toolDescription(text, { resource: [resource], operation: [operation] });
	}),
];
