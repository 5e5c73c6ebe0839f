/**
 * The runs an output schema is derived from: every resource and operation of the node, run
 * through n8n's engine against the simulator with its default Output (what the next node's
 * panel shows before any run), across everything that changes its fields: each service (with
 * and without prices, slab options, Analyze All Cards, stored images, masks), each flow, each
 * grading endpoint and scale, each job type. The schema of an operation is the union of its
 * runs' items. `npm run schemas` writes them under nodes/Ximilar/__schema__/; schemas.test.ts
 * holds the files to what these runs give.
 */
import type { IDataObject } from 'n8n-workflow';

import { GRADING_ENDPOINTS, UPSCALE_ENDPOINTS } from '../../nodes/Ximilar/catalog/asyncServices';
import { RECOGNITION_SERVICES, type RecognitionService } from '../../nodes/Ximilar/catalog/services';
import { makePng } from '../fixtures/images';
import { runNode, type InputItem } from '../harness/engine';
import { FLOWS, flowId, type XimilarSimulator } from '../simulator';
import { stableUuid } from '../simulator/util';

/** The folder n8n reads schemas from, beside the node file, for node version 1. */
export const SCHEMA_DIR = 'nodes/Ximilar/__schema__/v1.0.0';

export interface SchemaTarget {
	resource: string;
	operation: string;
}

type Runner = (parameters: IDataObject, items?: InputItem[]) => Promise<IDataObject[]>;

/** Runs one node configuration and returns the json of its output items; a run that fails is a broken schema run. */
function runnerFor(sim: XimilarSimulator): Runner {
	return async (parameters, items = [{ json: {} }]) => {
		const result = await runNode({ parameters: parameters as never, items, credentials: { apiToken: sim.token, apiUrl: sim.url } });
		if (result.error) throw new Error(`${JSON.stringify(parameters)} failed: ${result.error.message}`);
		return result.main.map((item) => item.json);
	};
}

const urlItems = (sim: XimilarSimulator, count = 2): InputItem[] =>
	Array.from({ length: count }, (_, row) => ({ json: { url: `${sim.url}/samples/card-${row + 1}.png`, sku: `sku-${row}` } }));

const image = () => ({ imageSource: 'url', imageUrl: '={{ $json.url }}', recordId: '={{ $json.sku }}' });

/** The service options that change a service's fields, one run each (the first: none). */
function optionRuns(service: RecognitionService): IDataObject[] {
	const has = (key: string) => service.options.includes(key as never);
	const runs: IDataObject[] = [{}];
	const prices = { ...(has('pricing') ? { pricing: true } : {}), ...(has('priceStats') ? { priceStats: true } : {}) };
	if (Object.keys(prices).length) runs.push(prices);
	if (has('slabId')) runs.push({ slabId: true, slabGrade: true });
	if (has('analyzeAll')) runs.push({ analyzeAll: true });
	if (has('storeImages')) runs.push({ storeImages: true });
	if (has('whiteBackground')) runs.push({ whiteBackground: true }, { binaryMask: true });
	return runs;
}

/** A task of the simulator's account for a service that needs one (the Task list's IDs). */
const taskFor = (service: RecognitionService) => stableUuid(`task:${service.taskListPath}:${service.needsTask && service.summary === 'detection' ? 'Logo detector' : 'Sneaker models'}`);

async function recognize(run: Runner, sim: XimilarSimulator): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	// The Custom Endpoint gives whatever its endpoint answers: it has no fields to preview.
	for (const service of RECOGNITION_SERVICES.filter((entry) => entry.summary !== 'raw')) {
		for (const serviceOptions of optionRuns(service)) {
			const parameters: IDataObject = { resource: 'image', operation: 'recognize', service: service.value, ...image(), serviceOptions };
			if (service.needsTask) parameters.task = { __rl: true, mode: 'id', value: taskFor(service) };
			if (service.needsPrompt) parameters.prompt = 'Return the card name';
			rows.push(...(await run(parameters, urlItems(sim))));
		}
	}
	return rows;
}

async function runFlow(run: Runner, sim: XimilarSimulator): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (const flow of FLOWS.filter((entry) => entry.valid)) {
		for (const options of [{}, { storeImages: true }]) {
			const parameters = { resource: 'image', operation: 'runFlow', flow: { __rl: true, mode: 'id', value: flowId(flow.name) }, ...image(), options };
			rows.push(...(await run(parameters, urlItems(sim))));
		}
	}
	return rows;
}

async function gradeCard(run: Runner, sim: XimilarSimulator): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (const { value } of GRADING_ENDPOINTS) {
		rows.push(...(await run({ resource: 'image', operation: 'gradeCard', gradingEndpoint: value, ...image(), downloadResultImage: false }, urlItems(sim))));
	}
	return rows;
}

async function upscale(run: Runner, sim: XimilarSimulator): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (const { value } of UPSCALE_ENDPOINTS) {
		rows.push(...(await run({ resource: 'image', operation: 'upscale', upscaleEndpoint: value, ...image(), downloadResultImage: false }, urlItems(sim, 1))));
	}
	return rows;
}

/** A job submitted straight to the simulator's async API, as another client would. */
async function submit(sim: XimilarSimulator, body: IDataObject): Promise<string> {
	const response = await fetch(`${sim.url}/account/v2/request/`, {
		method: 'POST',
		headers: { Authorization: `Token ${sim.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return ((await response.json()) as { id: string }).id;
}

/** One done job of every type, some with the options that change their rows. */
async function jobsOfEveryType(sim: XimilarSimulator): Promise<string[]> {
	const record = (id: string, seed: number) => ({ _id: id, _base64: makePng(16, 16, seed).toString('base64') });
	const bodies: IDataObject[] = [
		...GRADING_ENDPOINTS.map(({ value }, index) => ({ type: 'card-grader', endpoint: value, records: [record(`grade-${index}`, index)] })),
		{ type: 'upscaler', endpoint: 'upscale_2x', records: [record('up', 7)] },
		{ type: 'collectibles-recognition', endpoint: 'tcg_id', records: [record('card', 8)] },
		{ type: 'collectibles-recognition', endpoint: 'tcg_id', analyze_all: true, pricing: true, price_stats: true, records: [record('binder', 9)] },
		{ type: 'collectibles-recognition', endpoint: 'slab_id', records: [record('slab', 10)] },
		...FLOWS.filter((flow) => flow.valid).map((flow, index) => ({ type: 'flows', flow: flowId(flow.name), records: [record(`flow-${index}`, 11 + index)] })),
	];
	const ids: string[] = [];
	for (const body of bodies) ids.push(await submit(sim, body));
	return ids;
}

const jobItems = (ids: string[]): InputItem[] => ids.map((id) => ({ json: { id } }));

async function collection(sim: XimilarSimulator, run: Runner, operation: string): Promise<IDataObject[]> {
	sim.createCollection('schema-products');
	const base = { resource: 'collection', collectionType: 'product', collectionId: { __rl: true, mode: 'id', value: 'schema-products' } };
	const byId = { recordId: '={{ $json.sku }}' };
	const inserted = await run({ ...base, operation: 'insert', ...byId, ...image() }, urlItems(sim, 3));
	if (operation === 'insert') return inserted;
	if (operation === 'search') {
		const byImage = await run({ ...base, operation: 'search', queryBy: 'image', ...image() }, urlItems(sim, 1));
		const byRecord = await run({ ...base, operation: 'search', queryBy: 'recordId', queryRecordId: 'sku-0' });
		return [...byImage, ...byRecord];
	}
	if (operation === 'getAll') return await run({ ...base, operation: 'getAll', returnAll: true });
	if (operation === 'update') return await run({ ...base, operation: 'update', ...byId }, urlItems(sim, 2));
	return await run({ ...base, operation, ...byId }, urlItems(sim, 2));
}

/** The output items of one resource and operation, across every run that changes their fields. */
export async function schemaRunOutputs(sim: XimilarSimulator, { resource, operation }: SchemaTarget): Promise<IDataObject[]> {
	const run = runnerFor(sim);
	sim.asyncJobs.jobMs = 0;
	const key = `${resource}.${operation}`;
	if (key === 'image.recognize') return await recognize(run, sim);
	if (key === 'image.runFlow') return await runFlow(run, sim);
	if (key === 'image.gradeCard') return await gradeCard(run, sim);
	if (key === 'image.upscale') return await upscale(run, sim);
	if (key === 'account.getDetails') return await run({ resource, operation });
	if (resource === 'collection') return await collection(sim, run, operation);
	const jobs = jobItems(await jobsOfEveryType(sim));
	const jobId = '={{ $json.id }}';
	if (key === 'job.get') return await run({ resource, operation, jobId }, jobs);
	if (key === 'job.getStatus') return await run({ resource, operation, jobId }, jobs);
	if (key === 'job.list') {
		// The listing, and with Include Results the rows of every job type.
		return [...(await run({ resource, operation, returnAll: true })), ...(await run({ resource, operation, returnAll: true, includeResults: true }))];
	}
	throw new Error(`no schema runs for ${key}`);
}
