/**
 * Stage "queue": the node in n8n 2.8.4's queue mode. Redis and a throwaway Postgres,
 * one main and two workers, binary data in database mode; 20 concurrent calls to a production
 * webhook with image files and image URLs. Everything it starts is stopped and its data deleted.
 * Skipped with E2E_SKIP=queue.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { XimilarSimulator } from '../../test/simulator';
import { WORK } from '../lib/config';
import { installIntoUserFolder } from '../lib/package';
import type { Service } from '../lib/process';
import { check, checkEqual, seconds, show } from '../lib/report';
import { stageSkipped, timedStage } from '../lib/stages';
import { callConcurrently, checkAnswers, planCalls } from './calls';
import { QueueSetup, type QueueCluster } from './cluster';
import { checkBinaryCrossedInDatabase, checkWorkersRanIt } from './evidence';
import { startPostgres, startRedis, type Postgres, type Redis } from './services';
import { queueWorkflow } from './workflow';

const CALLS = 20;
const WORKERS = 2;
const XIMILAR_NODES = ['Identify Files', 'Identify URLs'];

const alive = (pid: number): boolean => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** The processes (or their process groups) still running after a short grace for the last exits. */
async function stillAlive(processes: ReadonlyArray<readonly [string, number]>): Promise<Array<readonly [string, number]>> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const left = processes.filter(([, pid]) => alive(pid) || alive(-pid));
		if (left.length === 0 || Date.now() > deadline) return left;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

export async function runQueueStage(tarball: string): Promise<void> {
	if (stageSkipped('queue')) return;
	await timedStage('queue', async () => {
		const dir = path.join(WORK, 'queue');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const step = (name: string, since: number) => console.log(`queue: ${name} in ${seconds(since)}`);
		// Some latency, so that 20 executions overlap and both workers get some.
		const sim = await XimilarSimulator.start({ latencyMs: 60 });
		let redis: Redis | undefined;
		let pg: Postgres | undefined;
		let cluster: QueueCluster | undefined;
		try {
			let since = Date.now();
			redis = await startRedis(path.join(dir, 'redis'));
			pg = await startPostgres(path.join(dir, 'postgres'));
			step(`Redis (port ${redis.port}) and Postgres (port ${pg.port}) up`, since);

			since = Date.now();
			const setup = await QueueSetup.create(dir, pg, redis);
			await installIntoUserFolder(tarball, setup.userFolder('main'));
			for (let n = 1; n <= WORKERS; n++) setup.installPackageFor(`worker${n}`);
			const webhookPath = `ximilar-queue-${randomBytes(4).toString('hex')}`;
			if (!(await setup.importAndPublish(queueWorkflow(webhookPath), sim.url, sim.token))) return;
			step('package installed, credential and workflow imported and published', since);

			since = Date.now();
			cluster = await setup.start(WORKERS);
			step(`main and ${WORKERS} workers ready`, since);

			since = Date.now();
			const plans = planCalls(CALLS, sim.url);
			const results = await callConcurrently(`${cluster.url}/webhook/${webhookPath}`, plans);
			step(`${CALLS} concurrent webhook calls answered`, since);
			checkAnswers(results);
			const batches = sim.log.filter((entry) => entry.path.startsWith('/collectibles/v2/tcg_id')).map((entry) => entry.recordCount);
			const expected = plans.flatMap((plan) => [plan.files.length, 10, plan.urls.length - 10]);
			checkEqual('queue: the simulator got one request for each call\'s files and two for its URLs (10 + 2)', batches.sort((a, b) => a - b), expected.sort((a, b) => a - b));
			checkWorkersRanIt(cluster, CALLS, XIMILAR_NODES);
			await checkBinaryCrossedInDatabase(pg, plans, ['main', ...Array.from({ length: WORKERS }, (_, n) => `worker${n + 1}`)].map((name) => setup.userFolder(name)));
		} finally {
			const since = Date.now();
			const services: Service[] = [...(cluster ? [cluster.main, ...cluster.workers] : []), ...(redis ? [redis.service] : [])];
			await cluster?.stop();
			await redis?.stop();
			await pg?.stop().catch((error: Error) => check('queue: Postgres stopped', false, error.message));
			await sim.close();
			const started = [...services.map((service) => [service.label, service.pid] as const), ...(pg ? [['postgres', pg.pid] as const] : [])];
			const left = await stillAlive(started);
			check('queue: every process the stage started has exited (n8n main, workers and their task runners, Redis, Postgres)', left.length === 0, show(left));
			rmSync(dir, { recursive: true, force: true });
			step('stopped everything and deleted its data', since);
		}
	});
}
