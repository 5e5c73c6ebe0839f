/**
 * e2e stage "mcp" (issue #13), skipped with E2E_SKIP=mcp: the packed node as AI-agent tools,
 * reached the way an outside agent reaches them. n8n 2.8.4 runs `n8n start` with the example
 * examples/ai-agent-mcp-server.json published (an MCP Server Trigger with two Ximilar tools:
 * Recognize by URL and Account Details); the official MCP client SDK connects over Streamable
 * HTTP, lists the tools and calls them against the simulator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { XimilarSimulator } from '../../test/simulator';
import { WORK } from '../lib/config';
import { n8n } from '../lib/n8nCli';
import { tail } from '../lib/process';
import { check } from '../lib/report';
import { stageSkipped, timedStage } from '../lib/stages';
import { checkToolCalls, checkToolList } from './checks';
import { startN8n } from '../lib/n8nServer';
import { MCP_EXAMPLE, MCP_WORKFLOW_ID, mcpWorkflow } from './workflow';

async function importAndPublish(): Promise<string> {
	const { workflow, path: mcpPath } = mcpWorkflow();
	const dir = path.join(WORK, 'import-mcp');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'workflow.json');
	writeFileSync(file, JSON.stringify([workflow], null, 2));
	const imported = await n8n('mcp-import-workflow', ['import:workflow', `--input=${file}`]);
	check(`mcp: n8n import:workflow examples/${MCP_EXAMPLE}`, imported.code === 0, `see ${imported.log}\n${tail(imported.stdout + imported.stderr)}`);
	const published = await n8n('mcp-publish-workflow', ['publish:workflow', `--id=${MCP_WORKFLOW_ID}`]);
	check('mcp: n8n publish:workflow', published.code === 0, `see ${published.log}\n${tail(published.stdout + published.stderr)}`);
	return mcpPath;
}

export async function runMcpStage(sim: XimilarSimulator): Promise<void> {
	if (stageSkipped('mcp')) return;
	await timedStage('mcp', async () => {
		const mcpPath = await importAndPublish();
		const server = await startN8n();
		const client = new Client({ name: 'n8n-nodes-ximilar-e2e', version: '1.0.0' });
		try {
			const endpoint = new URL(`${server.url}/mcp/${mcpPath}`);
			await client.connect(new StreamableHTTPClientTransport(endpoint));
			check(`mcp: the MCP client SDK connected over Streamable HTTP to /mcp/${mcpPath}`, true);
			await checkToolList(client);
			await checkToolCalls(client, sim);
		} finally {
			await client.close().catch(() => undefined);
			await server.service.stop();
		}
	});
}
