/**
 * e2e stage "async", skipped with E2E_SKIP=async: the packed node's async jobs in a
 * real n8n webhook server (`n8n start` on a free port).
 *   1. An active workflow with the Ximilar Trigger receives the simulator's callback for a job the
 *      Ximilar node submitted in Webhook mode (front and back: two items), through n8n's webhook server.
 *   2. A collectibles-recognition job's callback, with the type headers, gives card rows.
 *   3. Callbacks without the secret (or with a wrong one) get 401 and start nothing.
 *   4. A workflow whose Ximilar node sends `$execution.resumeUrl` as the webhook waits in a Wait
 *      node and resumes on the simulator's callback.
 * What the workflows emit reaches the test through HTTP Request nodes posting to a local sink.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { XimilarSimulator } from '../../test/simulator';
import { WORK } from '../lib/config';
import { freePort, n8n } from '../lib/n8nCli';
import { startN8n, type N8nServer } from '../lib/n8nServer';
import { tail } from '../lib/process';
import { check, checkEqual, seconds, show } from '../lib/report';
import { stageSkipped, timedStage } from '../lib/stages';
import { startSink, type Sink } from './sink';
import { asyncWorkflows, IDS, SECRET, START_PATHS, TRIGGER_WEBHOOK_ID } from './workflows';

type Json = Record<string, any>;

async function setUp(sim: XimilarSimulator, n8nUrl: string, sink: Sink): Promise<boolean> {
	const dir = path.join(WORK, 'import-async');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'workflows.json');
	writeFileSync(file, JSON.stringify(asyncWorkflows(sim.url, n8nUrl, sink.url), null, 2));
	const imported = await n8n('async-import', ['import:workflow', `--input=${file}`]);
	if (!check('async: n8n import:workflow (trigger, webhook submit, Wait node)', imported.code === 0, `see ${imported.log}\n${tail(imported.stdout + imported.stderr)}`)) return false;
	// The secret lives in the credential: the workflow JSON users export and share never holds it.
	const exportFile = path.join(dir, 'exported.json');
	const exported = await n8n('async-export', ['export:workflow', '--all', `--output=${exportFile}`]);
	const exportedText = exported.code === 0 && existsSync(exportFile) ? readFileSync(exportFile, 'utf8') : '';
	check('async: the exported workflows hold the webhook node and trigger, and not the secret', exportedText.includes('ximilarWebhookApi') && !exportedText.includes(SECRET), `see ${exported.log}`);
	for (const id of Object.values(IDS)) {
		const published = await n8n(`async-publish-${id}`, ['publish:workflow', `--id=${id}`]);
		if (!check(`async: n8n publish:workflow --id=${id}`, published.code === 0, `see ${published.log}\n${tail(published.stdout + published.stderr)}`)) return false;
	}
	return true;
}

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) =>
	await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function triggerReceivesCallback(sim: XimilarSimulator, server: N8nServer, sink: Sink): Promise<void> {
	const started = Date.now();
	const response = await post(`${server.url}/webhook/${START_PATHS.submit}`, {});
	check('async: the submitting workflow started through its webhook', response.ok, `HTTP ${response.status}`);
	const submitted = (await sink.waitFor('/submitted', 1, 30_000)) as Json[];
	const jobId = submitted[0]?.jobId;
	check('async: the Ximilar node (Webhook mode) output the job ID, status CREATED', typeof jobId === 'string' && submitted[0]?.status === 'CREATED', show(submitted));
	const received = (await sink.waitFor('/trigger', 2, 30_000)) as Json[];
	checkEqual('async: the Ximilar Trigger emitted one item per image (front, back) of that job', received.map((item) => [item.jobId, item._id, item.side]), [
		[jobId, 'e2e-card', 'front'],
		[jobId, 'e2e-card-back', 'back'],
	]);
	check(
		'async: the trigger items carry the Simplified grades (at most 10 fields)',
		received.every((item) => typeof item.final_grade === 'number' && typeof item.condition === 'string' && Object.keys(item).length <= 10),
		show(received),
	);
	const delivery = sim.webhookDeliveries.find((entry) => entry.jobId === jobId);
	checkEqual('async: n8n answered the simulator\'s callback with 200', delivery?.status, 200);
	console.log(`async: trigger round trip ${seconds(started)}`);
}

/**
 * A collectibles-recognition job submitted by another client, with the secret and the type
 * headers on its webhook: the Trigger emits the job's card rows (docs/ximilar-api.md §4).
 */
async function triggerSummarisesByType(sim: XimilarSimulator, server: N8nServer, sink: Sink): Promise<void> {
	const url = `${server.url}/webhook/${TRIGGER_WEBHOOK_ID}/ximilar`;
	const before = sink.received.get('/trigger')?.length ?? 0;
	const headers = { 'X-Ximilar-Webhook-Secret': SECRET, 'X-Ximilar-Job-Type': 'collectibles-recognition', 'X-Ximilar-Job-Endpoint': 'tcg_id' };
	const job = await fetch(`${sim.url}/account/v2/request/`, {
		method: 'POST',
		headers: { Authorization: `Token ${sim.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ type: 'collectibles-recognition', endpoint: 'tcg_id', price_stats: true, records: [{ _id: 'e2e-binder', _url: `${sim.url}/samples/card-5.png` }], webhook: { endpoint: url, headers } }),
	}).then(async (res) => (await res.json()) as Json);
	const received = ((await sink.waitFor('/trigger', before + 1, 30_000)) as Json[]).slice(before);
	check(
		'async: the Ximilar Trigger gave a collectibles-recognition job\'s callback as card rows (name, set, confidence, price in USD)',
		received.length === 1 && received[0].jobId === job.id && received[0]._id === 'e2e-binder' && typeof received[0].name === 'string' && typeof received[0].set === 'string' && /^(high|medium|low)$/.test(String(received[0].confidence)) && typeof received[0].price === 'number' && received[0].currency === 'USD',
		show(received),
	);
}

async function triggerRefusesWithoutSecret(sim: XimilarSimulator, server: N8nServer, sink: Sink): Promise<void> {
	const url = `${server.url}/webhook/${TRIGGER_WEBHOOK_ID}/ximilar`;
	const before = sink.received.get('/trigger')?.length ?? 0;
	// The simulator's own callback for a job submitted without the header.
	const job = await fetch(`${sim.url}/account/v2/request/`, {
		method: 'POST',
		headers: { Authorization: `Token ${sim.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ type: 'card-grader', endpoint: 'grade', records: [{ _url: `${sim.url}/samples/card-4.png` }], webhook: { endpoint: url } }),
	}).then(async (res) => (await res.json()) as Json);
	const noHeader = await post(url, { id: 'forged', status: 'DONE', response: { records: [{ _id: 'x' }] } });
	const wrong = await post(url, { id: 'forged', status: 'DONE', response: { records: [{ _id: 'x' }] } }, { 'X-Ximilar-Webhook-Secret': `${SECRET}x` });
	const until = Date.now() + 10_000;
	while (!sim.webhookDeliveries.some((entry) => entry.jobId === job.id && entry.status !== -1) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
	checkEqual('async: callbacks without the secret, or with a wrong one, get 401 (simulator, no header, wrong value)', [
		sim.webhookDeliveries.find((entry) => entry.jobId === job.id)?.status, noHeader.status, wrong.status,
	], [401, 401, 401]);
	await new Promise((r) => setTimeout(r, 2000));
	checkEqual('async: the refused callbacks started nothing', sink.received.get('/trigger')?.length ?? 0, before);
}

async function waitNodeResumes(sim: XimilarSimulator, server: N8nServer, sink: Sink): Promise<void> {
	const started = Date.now();
	const response = await post(`${server.url}/webhook/${START_PATHS.wait}`, {});
	check('async: the Wait-node workflow started through its webhook', response.ok, `HTTP ${response.status}`);
	const resumed = (await sink.waitFor('/resumed', 1, 45_000)) as Json[];
	const body = resumed[0]?.body ?? {};
	const job = sim.webhookDeliveries.find((entry) => entry.url.includes('/webhook-waiting/'));
	check('async: the simulator called $execution.resumeUrl (n8n\'s /webhook-waiting/ URL)', job !== undefined && job.status === 200, show(sim.webhookDeliveries));
	check(
		'async: the Wait node resumed with Ximilar\'s callback {id, status: DONE, response.records[0]._upscaled_image_url}',
		resumed.length === 1 && body.id === job?.jobId && body.status === 'DONE' && /-2x\.png$/.test(String(body.response?.records?.[0]?._upscaled_image_url)),
		show(resumed),
	);
	console.log(`async: Wait-node round trip ${seconds(started)}`);
}

export async function runAsyncStage(sim: XimilarSimulator): Promise<void> {
	if (stageSkipped('async')) return;
	await timedStage('async', async () => {
		const sink = await startSink();
		const port = await freePort();
		let server: N8nServer | undefined;
		try {
			if (!(await setUp(sim, `http://127.0.0.1:${port}`, sink))) return;
			sim.asyncJobs.jobMs = 500;
			const started = Date.now();
			server = await startN8n(180_000, { label: 'async', port });
			check(`async: n8n start on port ${port} is ready (${seconds(started)})`, true);
			await triggerReceivesCallback(sim, server, sink);
			await triggerSummarisesByType(sim, server, sink);
			await triggerRefusesWithoutSecret(sim, server, sink);
			await waitNodeResumes(sim, server, sink);
		} catch (error) {
			check('async: stage ran to the end', false, (error as Error).stack);
		} finally {
			await server?.service.stop();
			await sink.close();
		}
	});
}
