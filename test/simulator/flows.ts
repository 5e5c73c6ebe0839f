/**
 * Ximilar Flows (docs/ximilar-api.md §12): several models behind one endpoint.
 *   GET  /flows/v2/flow/          -> Django REST page {count, next, previous, results: [{id, name, description, valid, workspace}]}
 *   GET  /flows/v2/flow/<id>      -> {id, name, description, valid, workspace, top_node}; unknown: 404 {detail}
 *   POST /flows/v2/process        {flow, records, store_images?} -> {records, status, statistics}
 * Which keys a processed record carries depends on the models in the flow [G]; the flows here
 * cover the likely variants: a classifier (best_label, labels), a tagger (_tags map, _tags_simple),
 * a detector whose objects are tagged (_objects[]._tags), and a flow answering per task under
 * the task's name [G]. `search` filters the list by name, as for tasks [G].
 */
import type { HandlerResult, RequestContext, Service } from './types';
import { boundBox } from './collectibles';
import { descendingProbs, Rng, stableUuid } from './util';
import { echo, envelope, okStatus, validateRecords } from './recognition';
import { randomUUID } from 'crypto';

export const FLOW_LIST_PATH = '/flows/v2/flow/';
export const FLOW_PROCESS_PATH = '/flows/v2/process';
const PAGE_SIZE = 3;

type Kind = 'classify' | 'tags' | 'detectTags' | 'perTask';

interface FlowDef {
	name: string;
	description: string;
	valid: boolean;
	kind: Kind;
}

export const FLOWS: readonly FlowDef[] = [
	{ name: 'Sneaker sorter', description: 'Classifies sneaker photos by model', valid: true, kind: 'classify' },
	{ name: 'Fashion attributes', description: 'Category, colour and pattern of a product photo', valid: true, kind: 'tags' },
	{ name: 'Shelf check', description: 'Finds the products on a shelf and tags the colour of each', valid: true, kind: 'detectTags' },
	{ name: 'Card triage', description: 'Condition and side of a card photo, one task each', valid: true, kind: 'perTask' },
	{ name: 'Draft flow', description: 'Not finished in the Ximilar App', valid: false, kind: 'classify' },
];

export const flowId = (name: string): string => stableUuid(`flow:${name}`);

const SNEAKERS = ['Air Max 90', 'Stan Smith', 'Chuck Taylor', 'Old Skool', 'Gel-Lyte III'];
const COLORS = ['black', 'white', 'red', 'blue', 'beige'];
const PATTERNS = ['plain', 'striped', 'checked'];
const CATEGORIES = ['Footwear/Sneakers', 'Clothing/Upper', 'Bags/Handbags'];
const PRODUCTS = ['bottle', 'box', 'can'];

function labelsOf(rng: Rng, task: string, names: readonly string[]) {
	const picked = rng.sample(names, names.length);
	const probs = descendingProbs(rng, picked.length);
	const labels = picked.map((name, i) => ({ id: stableUuid(`${task}:${name}`), name, prob: probs[i] }));
	return { best_label: labels[0], labels };
}

const tag = (rng: Rng, feature: string, names: readonly string[]) => {
	const name = rng.pick(names);
	return { id: stableUuid(`${feature}:${name}`), name, prob: rng.float(0.6, 0.99) };
};

const FLOW_ANSWERS: Record<Kind, Service> = {
	classify: (inp) => labelsOf(inp.rng, 'Sneaker sorter', SNEAKERS),
	tags: (inp) => {
		const tags = { Category: [tag(inp.rng, 'Category', CATEGORIES)], Color: [tag(inp.rng, 'Color', COLORS)], Pattern: [tag(inp.rng, 'Pattern', PATTERNS)] };
		return { _tags: tags, _tags_simple: Object.values(tags).map((list) => list[0].name) };
	},
	detectTags: (inp) => ({
		_objects: Array.from({ length: inp.rng.int(1, 3) }, () => {
			const name = inp.rng.pick(PRODUCTS);
			const color = tag(inp.rng, 'Color', COLORS);
			return {
				name, id: stableUuid(`product:${name}`), prob: inp.rng.float(0.5, 0.99),
				bound_box: boundBox(inp.rng, inp.image.width, inp.image.height, 0.2), _tags: { Color: [color] }, _tags_simple: [color.name],
			};
		}),
	}),
	perTask: (inp) => ({
		'Card condition': labelsOf(inp.rng, 'Card condition', ['Near Mint', 'Excellent', 'Played']),
		'Card side': labelsOf(inp.rng, 'Card side', ['front', 'back']),
	}),
};

const bad = (detail: string): HandlerResult => ({ status: 400, body: { detail } });

function describe(flow: FlowDef): Record<string, unknown> {
	return {
		id: flowId(flow.name), name: flow.name, description: flow.description, valid: flow.valid,
		workspace: stableUuid('simulator-workspace'), top_node: stableUuid(`flow-node:${flow.name}`),
	};
}

export function listFlows(ctx: RequestContext): HandlerResult {
	const search = (ctx.query.get('search') ?? '').toLowerCase();
	const all = FLOWS.filter((flow) => flow.name.toLowerCase().includes(search)).map(describe);
	const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
	const link = (to: number) => `${ctx.selfUrl}${FLOW_LIST_PATH}?page=${to}${search ? `&search=${encodeURIComponent(search)}` : ''}`;
	return {
		status: 200,
		body: {
			count: all.length,
			next: page * PAGE_SIZE < all.length ? link(page + 1) : null,
			previous: page > 1 ? link(page - 1) : null,
			results: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		},
	};
}

export function readFlow(id: string): HandlerResult {
	const flow = FLOWS.find((candidate) => flowId(candidate.name) === id);
	return flow ? { status: 200, body: describe(flow) } : { status: 404, body: { detail: 'Not found.' } };
}

/** POST /flows/v2/process (and async jobs of type `flows`): every record through the flow's models. */
export function processFlow(ctx: RequestContext): HandlerResult {
	const records = validateRecords(ctx.body);
	if (!Array.isArray(records)) return records;
	const { records: _r, ...options } = ctx.body as Record<string, unknown>;
	void _r;
	if (typeof options.flow !== 'string' || options.flow.trim() === '') return bad('Field "flow" (the flow id) is required.');
	const flow = FLOWS.find((candidate) => flowId(candidate.name) === options.flow);
	if (!flow) return bad(`Flow "${options.flow}" does not exist.`);
	if (!flow.valid) return bad(`Flow "${flow.name}" is not valid.`);
	const out = records.map((record, i) => {
		const result = echo(record);
		const image = ctx.resolveImage(record);
		if (!image.ok) return { ...result, _status: { ...image.status, request_id: randomUUID() } };
		if (ctx.shouldFailRecord(record, i)) return { ...result, _status: { code: 500, text: 'Processing failed', request_id: randomUUID() } };
		const rng = new Rng(`flow:${flow.name}:${image.key}`);
		return {
			...result, _width: image.width, _height: image.height,
			...FLOW_ANSWERS[flow.kind]({ record, image, options, rng, selfUrl: ctx.selfUrl }),
			...(options.store_images === true ? { _stored_image_id: stableUuid(`stored:${image.key}`) } : {}),
			_status: okStatus(),
		};
	});
	ctx.bill(records.length);
	return { status: 200, body: envelope(out, ctx) };
}
