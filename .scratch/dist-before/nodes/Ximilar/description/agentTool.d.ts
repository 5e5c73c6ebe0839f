import type { INodeProperties } from 'n8n-workflow';
/**
 * The tool variant (`ximilarTool`, made by n8n from `usableAsTool`). n8n tells the agent
 * "<operation action> in Ximilar" unless the node has its own `toolDescription` parameter,
 * so the node brings one per service and operation, shown only in the tool variant
 * (`@tool`). n8n keeps a default value only while the user has not edited it: switching
 * the service switches the text, and a text the user wrote stays.
 */
/** A parameter value the agent fills, in the form n8n's editor shows as "Defined automatically by the model". */
export declare function fromAiDefault(key: string, description: string): string;
export declare const toolDescriptionProperties: INodeProperties[];
