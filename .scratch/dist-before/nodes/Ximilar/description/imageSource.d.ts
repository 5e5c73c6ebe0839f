import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
/**
 * Where each item's image comes from: shared by Recognize, Search and Insert.
 * The tool variant (`@tool`) offers no Binary File, which an AI agent cannot hand over,
 * and lets the agent fill the URL or base64 through `$fromAI`.
 */
export declare function imageSourceProperties(show: IDisplayOptions['show']): INodeProperties[];
