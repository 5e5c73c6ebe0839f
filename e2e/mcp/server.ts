/** `n8n start` on free ports for the mcp stage, stopped (with its task runner) when done. */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

import { LOGS, N8N_BIN, USER_FOLDER, WORK } from '../lib/config';
import { freePort, n8nEnv } from '../lib/n8nCli';
import { tail } from '../lib/process';

export interface N8nServer {
	url: string;
	log: string;
	output(): string;
	stop(): Promise<void>;
}

const READY = 'Editor is now accessible';

export async function startN8n(timeoutMs = 180_000): Promise<N8nServer> {
	// Other n8n instances may run on this machine: the port and the task broker's port are free ones.
	const port = await freePort();
	const env = n8nEnv(USER_FOLDER, {
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_SECURE_COOKIE: 'false',
	});
	mkdirSync(LOGS, { recursive: true });
	const log = path.join(LOGS, 'mcp-n8n-start.log');
	const file = createWriteStream(log);
	const child = spawn(N8N_BIN, ['start'], { cwd: WORK, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const chunks: Buffer[] = [];
	const collect = (chunk: Buffer) => {
		chunks.push(chunk);
		file.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const output = () => Buffer.concat(chunks).toString('utf8');
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	let gone = false;
	void exited.then(() => (gone = true));
	const killGroup = (signal: NodeJS.Signals) => {
		try {
			if (child.pid !== undefined) process.kill(-child.pid, signal);
		} catch {
			// already gone
		}
	};
	// However the run ends, the server does not outlive it.
	const onExit = () => killGroup('SIGKILL');
	process.on('exit', onExit);
	const stop = async () => {
		if (!gone) {
			killGroup('SIGTERM');
			const timer = setTimeout(() => killGroup('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
		killGroup('SIGKILL'); // the task runner it started
		process.off('exit', onExit);
		file.end();
	};
	const deadline = Date.now() + timeoutMs;
	while (!output().includes(READY)) {
		if (gone || Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start: ${gone ? 'exited' : `not ready after ${timeoutMs / 1000} s`}, see ${log}:\n${tail(output())}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { url: `http://127.0.0.1:${port}`, log, output, stop };
}
