/**
 * n8n 2.8.4 in queue mode: one `n8n start` (main: editor, webhooks, enqueues) and worker processes
 * (`n8n worker`: run the executions), sharing Postgres, Redis and the encryption key. Each process has
 * its own user folder with the package installed (as separate machines would), its own task broker
 * port and, for workers, its own health port; everything binds to 127.0.0.1.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { CREDENTIAL_ID, CREDENTIAL_NAME, N8N_BIN, WORK } from '../lib/config';
import { freePort, n8nEnv } from '../lib/n8nCli';
import { runCommand, startService, tail, type Service } from '../lib/process';
import { check } from '../lib/report';
import type { Workflow } from '../lib/workflows';
import type { Postgres, Redis } from './services';
import { waitFor } from './services';

export interface QueueCluster {
	url: string;
	main: Service;
	workers: Service[];
	stop(): Promise<void>;
}

/** Settings every process of the cluster shares. */
function sharedEnv(pg: Postgres, redis: Redis, n8nPort: number): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// The default in queue mode anyway; said so that the test says what it tests.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(n8nPort),
		WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/`,
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		// Debug level for the lines that show which process ran which execution and node.
		N8N_LOG_LEVEL: 'debug',
	};
}

/** How a step's outcome is reported: the e2e run's PASS/FAIL lines, or quietly (the bench reports figures). */
export type Report = (name: string, ok: boolean, detail?: string) => boolean;

export class QueueSetup {
	private constructor(
		readonly dir: string,
		private readonly env: Record<string, string>,
		readonly n8nPort: number,
		private readonly report: Report,
	) {}

	static async create(dir: string, pg: Postgres, redis: Redis, report: Report = check): Promise<QueueSetup> {
		const n8nPort = await freePort();
		return new QueueSetup(dir, sharedEnv(pg, redis, n8nPort), n8nPort, report);
	}

	userFolder(process: string): string {
		return path.join(this.dir, process);
	}

	/** Copies the package installed in main's user folder into a worker's own user folder. */
	installPackageFor(worker: string): void {
		const nodes = path.join(this.userFolder(worker), '.n8n', 'nodes');
		mkdirSync(nodes, { recursive: true });
		cpSync(path.join(this.userFolder('main'), '.n8n', 'nodes'), nodes, { recursive: true });
	}

	private async cli(label: string, args: string[]): Promise<boolean> {
		const result = await runCommand(`queue-${label}`, N8N_BIN, args, { cwd: WORK, env: n8nEnv(this.userFolder('main'), { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) }), timeoutMs: 240_000 });
		return this.report(`queue: n8n ${args[0]}`, result.code === 0, `exit ${result.code}, see ${result.log}\n${tail(result.stdout + result.stderr)}`);
	}

	/** Credential and workflow into Postgres, the workflow published (active), all before `n8n start`. */
	async importAndPublish(workflow: Workflow, simUrl: string, token: string): Promise<boolean> {
		const input = path.join(this.dir, 'import');
		mkdirSync(input, { recursive: true });
		const credentials = path.join(input, 'credentials.json');
		writeFileSync(credentials, JSON.stringify([{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'ximilarApi', data: { apiToken: token, apiUrl: simUrl } }]));
		const workflows = path.join(input, 'workflow.json');
		writeFileSync(workflows, JSON.stringify([workflow]));
		return (
			(await this.cli('import-credentials', ['import:credentials', `--input=${credentials}`])) &&
			(await this.cli('import-workflow', ['import:workflow', `--input=${workflows}`])) &&
			(await this.cli('publish-workflow', ['publish:workflow', `--id=${workflow.id}`]))
		);
	}

	/** Main first (it registers the webhooks), then the workers side by side, each running up to `concurrency` executions at once; resolves when all are ready. */
	async start(workerCount: number, concurrency = 5): Promise<QueueCluster> {
		const started: Service[] = [];
		const stop = async () => {
			// Workers first, so none picks up a job from a main that is going away.
			for (const service of [...started].reverse()) await service.stop();
		};
		try {
			const mainEnv = n8nEnv(this.userFolder('main'), { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
			const main = startService('queue-n8n-main', N8N_BIN, ['start'], { cwd: WORK, env: mainEnv });
			started.push(main);
			// /healthz turns 200 seconds before the webhooks are registered: wait for the log line.
			await waitFor('n8n main', async () => main.output().includes('Editor is now accessible'), 180_000, main);
			const workers: Service[] = [];
			const ready: Array<Promise<void>> = [];
			for (let n = 1; n <= workerCount; n++) {
				const healthPort = await freePort();
				const env = n8nEnv(this.userFolder(`worker${n}`), {
					...this.env,
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				});
				const worker = startService(`queue-n8n-worker${n}`, N8N_BIN, ['worker', `--concurrency=${concurrency}`], { cwd: WORK, env });
				started.push(worker);
				workers.push(worker);
				const readiness = `http://127.0.0.1:${healthPort}/healthz/readiness`;
				ready.push(waitFor(`n8n worker ${n}`, async () => (await fetch(readiness).then((r) => r.status, () => 0)) === 200, 180_000, worker));
			}
			await Promise.all(ready);
			return { url: `http://127.0.0.1:${this.n8nPort}`, main, workers, stop };
		} catch (error) {
			await stop();
			throw error;
		}
	}
}
