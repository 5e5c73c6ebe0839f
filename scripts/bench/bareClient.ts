/**
 * The least any client can do with the memory-mode scenario: Node's own http module sends the
 * same base64 texts, ten to a body written into a reused buffer, three requests in flight, to
 * the same simulator. No n8n, no checks, nothing read per item. Its wall over the floor and its
 * CPU per image, measured in a fresh process beside the node's in the same bench run, show how
 * much of the distance to the floor is the node's and how much is moving 13 MB per request
 * through this machine (the floor counts the model's latency only, no upload).
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

import { findService } from '../../nodes/Ximilar/catalog/services';
import type { SimulatorProcess } from '../../test/support/simulatorProcess';
import { childPayload, measureInChild, serveMeasurement } from './freshProcess';
import { bigImageFile } from './images';

export interface BareRun {
	images: number;
	wallMs: number;
	cpuMs: number;
	requests: number;
}

/** The service the bench's node runs (scripts/bench/index.ts parameters): the same endpoint. */
const PATH = findService('tcgId')!.path;

interface Payload {
	url: string;
	token: string;
	count: number;
	perRequest: number;
	parallel: number;
}

function post(url: string, token: string, body: Buffer): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(`${url}${PATH}`, {
			method: 'POST',
			headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json', 'Content-Length': body.length },
		});
		req.on('response', (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function upload(url: string, token: string, texts: string[], perRequest: number, parallel: number): Promise<BareRun> {
	let next = 0;
	let requests = 0;
	const lane = async () => {
		let body = Buffer.alloc(0);
		while (next < texts.length) {
			const batch = texts.slice(next, next + perRequest);
			const first = next;
			next += batch.length;
			const heads = batch.map((_, i) => `${i ? ',' : ''}{"_id":"bare-${first + i}","_base64":"`);
			const length = '{"records":['.length + batch.reduce((sum, text, i) => sum + heads[i].length + text.length + 2, 0) + 2;
			if (body.length < length) body = Buffer.allocUnsafeSlow(length);
			let at = body.write('{"records":[', 0, 'latin1');
			batch.forEach((text, i) => {
				at += body.write(heads[i], at, 'latin1');
				at += body.write(text, at, 'latin1');
				at += body.write('"}', at, 'latin1');
			});
			at += body.write(']}', at, 'latin1');
			const status = await post(url, token, body.subarray(0, at));
			if (status !== 200) throw new Error(`bare client: HTTP ${status}`);
			requests++;
		}
	};
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	await Promise.all(Array.from({ length: parallel }, lane));
	const wallMs = performance.now() - start;
	const cpu = process.cpuUsage(cpuStart);
	return { images: texts.length, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, requests };
}

/** Runs the bare client over `count` of the bench's 1 MB pictures in a fresh process, after a small warm-up. */
export async function measureBareClient(sim: SimulatorProcess, count: number, perRequest: number, parallel: number): Promise<BareRun> {
	const payload: Payload = { url: sim.url, token: sim.token, count, perRequest, parallel };
	return await measureInChild<BareRun>(__filename, payload, { BENCH_BARE: '1' }, sim);
}

async function childMain(): Promise<void> {
	const { url, token, count, perRequest, parallel } = childPayload<Payload>();
	const texts = Array.from({ length: count }, (_, i) => bigImageFile(i).data.toString('base64'));
	await serveMeasurement(
		() => upload(url, token, texts.slice(0, 2 * perRequest), perRequest, 1),
		() => upload(url, token, texts, perRequest, parallel),
	);
}

if (process.env.BENCH_BARE === '1') {
	childMain().then(
		() => process.exit(0),
		() => process.exit(1),
	);
}
