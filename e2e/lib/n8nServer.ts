/** `n8n start` on free ports for the stages that need n8n's server (mcp, async, browser); the caller stops it (with its task runner) when done. */
import { WORK } from './config';
import { DEFAULT_N8N, freePort, n8nEnv, type N8nTarget } from './n8nCli';
import { startService, tail, type Service } from './process';

export interface N8nServer {
	url: string;
	service: Service;
}

const READY = 'Editor is now accessible';

/**
 * `label` names the log; `port` is for a stage whose workflows must name their URLs before the start;
 * `target` is the n8n install and user folder (the pinned 2.8.4 by default); `env` adds settings;
 * `ready` is awaited after n8n printed its ready line (e.g. until the REST API answers).
 */
export async function startN8n(
	timeoutMs = 180_000,
	options: {
		label?: string;
		port?: number;
		target?: N8nTarget;
		env?: Record<string, string>;
		ready?: (url: string) => Promise<boolean>;
	} = {},
): Promise<N8nServer> {
	const target = options.target ?? DEFAULT_N8N;
	// Other n8n instances may run on this machine: the port and the task broker's port are free ones.
	const port = options.port ?? (await freePort());
	const env = n8nEnv(target.userFolder, {
		...target.env,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...options.env,
	});
	const service = startService(`${options.label ?? 'mcp'}-n8n-start`, target.bin, ['start'], { cwd: WORK, env });
	const deadline = Date.now() + timeoutMs;
	// Webhooks and the MCP endpoint answer once the editor is up (the health check turns green earlier).
	const url = `http://127.0.0.1:${port}`;
	const isReady = async (): Promise<boolean> => service.output().includes(READY) && (!options.ready || (await options.ready(url)));
	while (!(await isReady())) {
		if (service.hasExited() || Date.now() > deadline) {
			await service.stop();
			throw new Error(`n8n start: ${service.hasExited() ? 'exited' : `not ready after ${timeoutMs / 1000} s`}, see ${service.log}:\n${tail(service.output())}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { url, service };
}
