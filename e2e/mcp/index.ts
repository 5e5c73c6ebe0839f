/**
 * e2e stage "mcp", skipped with E2E_SKIP=mcp: the packed node as AI-agent tools,
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
import { DEFAULT_N8N, n8n, type N8nTarget } from '../lib/n8nCli';
import { tail } from '../lib/process';
import { check } from '../lib/report';
import { stageSkipped, timedStage } from '../lib/stages';
import { checkToolCalls, checkToolList } from './checks';
import { startN8n } from '../lib/n8nServer';
import { MCP_EXAMPLE, MCP_WORKFLOW_ID, mcpWorkflow } from './workflow';

/** Imports the example and makes it live: `publish:workflow` in n8n 2.x, `update:workflow --active` in 1.x. */
async function importAndPublish(target: N8nTarget, on: string): Promise<string> {
	const { workflow, path: mcpPath } = mcpWorkflow();
	const dir = path.join(WORK, 'import-mcp');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'workflow.json');
	writeFileSync(file, JSON.stringify([workflow], null, 2));
	const imported = await n8n('mcp-import-workflow', ['import:workflow', `--input=${file}`], undefined, target);
	check(`${on}mcp: n8n import:workflow examples/${MCP_EXAMPLE}`, imported.code === 0, `see ${imported.log}\n${tail(imported.stdout + imported.stderr)}`);
	const major = Number((await n8n('mcp-n8n-version', ['--version'], 60_000, target)).stdout.trim().split('.')[0]);
	const publish = major >= 2 ? ['publish:workflow', `--id=${MCP_WORKFLOW_ID}`] : ['update:workflow', `--id=${MCP_WORKFLOW_ID}`, '--active=true'];
	const published = await n8n('mcp-publish-workflow', publish, undefined, target);
	check(`${on}mcp: n8n ${publish[0]}`, published.code === 0, `see ${published.log}\n${tail(published.stdout + published.stderr)}`);
	return mcpPath;
}

/** The stage on the pinned n8n 2.8.4, or on another install (`target`) that already has the package and the credential. */
export async function runMcpStage(sim: XimilarSimulator, target: N8nTarget = DEFAULT_N8N): Promise<void> {
	if (stageSkipped('mcp')) return;
	const on = target.name ? `${target.name}: ` : '';
	await timedStage(`${on}mcp`, async () => {
		const mcpPath = await importAndPublish(target, on);
		const server = await startN8n(undefined, { target });
		const client = new Client({ name: 'n8n-nodes-ximilar-e2e', version: '1.0.0' });
		try {
			const endpoint = new URL(`${server.url}/mcp/${mcpPath}`);
			await client.connect(new StreamableHTTPClientTransport(endpoint));
			check(`${on}mcp: the MCP client SDK connected over Streamable HTTP to /mcp/${mcpPath}`, true);
			await checkToolList(client, on);
			await checkToolCalls(client, sim, on);
		} finally {
			await client.close().catch(() => undefined);
			await server.service.stop();
		}
	});
}
