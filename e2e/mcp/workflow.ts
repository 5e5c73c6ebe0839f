/** The MCP example workflow (examples/ai-agent-mcp-server.json) as the mcp stage imports and publishes it. */
import path from 'node:path';

import { ROOT } from '../lib/config';
import { readWorkflow, type Workflow } from '../lib/workflows';

export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';
export const TOOL_TYPE = 'n8n-nodes-ximilar.ximilarTool';
export const MCP_EXAMPLE = 'ai-agent-mcp-server.json';
export const MCP_WORKFLOW_ID = 'e2eMcpTools';

/** The example as shipped, with an ID to publish it by; its credential is matched by name on import. */
export function mcpWorkflow(): { workflow: Workflow; path: string } {
	const example = readWorkflow(path.join(ROOT, 'examples', MCP_EXAMPLE));
	const trigger = example.nodes.find((node) => node.type === MCP_TRIGGER_TYPE);
	if (!trigger) throw new Error(`examples/${MCP_EXAMPLE} has no MCP Server Trigger`);
	return { workflow: { ...example, id: MCP_WORKFLOW_ID, active: false }, path: String(trigger.parameters.path) };
}
