import type { RecognitionService } from './services';
export declare function recognizeAgentText(service: RecognitionService): string;
export declare const ACCOUNT_AGENT_TEXT = "Gets the Ximilar account: plan, credits used and credit limit. Takes no input and costs no credit.";
export declare const COLLECTION_AGENT_TEXT: Record<string, string>;
/** The node-level description of the tool variant (`usableAsTool.replacements`), shown in the nodes panel. */
export declare const TOOL_NODE_DESCRIPTION = "Lets an AI agent identify trading cards and comics, tag fashion and home decor photos, detect objects and search visual collections from an image URL, or read the Ximilar account";
