/**
 * Proof of where the work happened: main only enqueued, the workers ran every execution and node,
 * and the uploaded files crossed from main to the workers through Postgres (database binary mode),
 * not through a folder they share (they share none).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { check, checkEqual, show } from '../lib/report';
import type { CallPlan } from './calls';
import type { QueueCluster } from './cluster';
import type { Postgres } from './services';

const ids = (log: string, pattern: RegExp): string[] => [...log.matchAll(pattern)].map((match) => match[1]);

export function checkWorkersRanIt(cluster: QueueCluster, calls: number, nodeNames: string[]): void {
	const main = cluster.main.output();
	const enqueued = ids(main, /Enqueued execution (\d+)/g);
	checkEqual('queue: main enqueued one execution per webhook call', enqueued.length, calls);
	const ranNodes = nodeNames.filter((name) => main.includes(`executing node "${name}"`) || main.includes(`Running node "${name}"`));
	checkEqual('queue: main ran none of the workflow\'s nodes', ranNodes, []);

	const perWorker = cluster.workers.map((worker) => ids(worker.output(), /Worker finished execution (\d+)/g));
	const finished = perWorker.flat().sort((a, b) => Number(a) - Number(b));
	checkEqual('queue: the workers finished exactly the enqueued executions', finished, [...enqueued].sort((a, b) => Number(a) - Number(b)));
	check(`queue: both workers took executions (${perWorker.map((list) => list.length).join(' + ')})`, perWorker.every((list) => list.length > 0), show(perWorker));
	const nodesOnWorkers = nodeNames.filter((name) => cluster.workers.some((worker) => worker.output().includes(`executing node "${name}"`)));
	checkEqual('queue: the workers\' logs show the Ximilar nodes executing', nodesOnWorkers, nodeNames);
}

/** Files under `dir` in a folder named binary_data (where filesystem binary mode keeps them). */
function filesystemBinaries(dir: string): string[] {
	const found: string[] = [];
	const walk = (folder: string, inBinaryData: boolean) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const full = path.join(folder, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules') walk(full, inBinaryData || entry.name === 'binary_data');
			} else if (inBinaryData) found.push(full);
		}
	};
	walk(dir, false);
	return found;
}

export async function checkBinaryCrossedInDatabase(pg: Postgres, plans: CallPlan[], userFolders: string[]): Promise<void> {
	const rows = (await pg.query('SELECT "fileName", "fileSize", "mimeType" FROM binary_data ORDER BY "fileName"')).split('\n').filter(Boolean);
	const uploads = plans.flatMap((plan) => plan.files).map((file) => `${file.fileName}|${file.bytes.length}|image/png`).sort();
	checkEqual(`queue: Postgres binary_data holds each of the ${uploads.length} uploaded files once (name, size, type)`, rows, uploads);
	const executions = await pg.query('SELECT mode, status, count(*) FROM execution_entity GROUP BY mode, status');
	checkEqual('queue: Postgres execution_entity: every execution a successful webhook run', executions.split('\n'), [`webhook|success|${plans.length}`]);
	const onDisk = userFolders.flatMap(filesystemBinaries);
	checkEqual('queue: no binary data written to any process\'s folder (no shared storage needed)', onDisk, []);
}
