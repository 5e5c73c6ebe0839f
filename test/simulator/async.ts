/**
 * Asynchronous requests (contract section 5): POST /account/v2/request/ queues a job for a
 * service endpoint; each status poll advances CREATED -> PROCESSING -> DONE [guess: one step per poll].
 * Card grading endpoints exist only here ("async-only"); results are computed when the job is created.
 */
import { randomUUID } from 'crypto';
import { boundBox } from './collectibles';
import { echo, okStatus, processRecords, RECOGNITION_ROUTES, validateRecords, envelope } from './recognition';
import type { HandlerResult, RequestContext } from './types';
import { isPlainObject, Rng, round } from './util';

// [guess] paths of the grading service; Ximilar runs grading through async requests only.
export const GRADING_ENDPOINTS = ['/card-grader/v2/grade', '/card-grader/v2/condition', '/card-grader/v2/centering'];

const STATES = ['CREATED', 'PROCESSING', 'DONE'] as const;

interface Job {
	id: string; type: string; endpoint: string; created: string; step: number; webhook?: unknown;
	response: unknown;
}

function grade(ctx: RequestContext, endpoint: string): unknown {
	const records = (ctx.body as Record<string, unknown>).records as Record<string, unknown>[];
	const out = records.map((record, i) => {
		const img = ctx.resolveImage(record);
		if (!img.ok) return { ...echo(record), _status: { ...img.status, request_id: randomUUID() } };
		if (ctx.shouldFailRecord(record, i)) return { ...echo(record), _status: { code: 500, text: 'Processing failed', request_id: randomUUID() } };
		const rng = new Rng(`${endpoint}:${img.key}`);
		const g = () => round(rng.int(12, 20) / 2, 1); // 6.0 .. 10.0 in half steps
		const grades = { corners: g(), edges: g(), surface: g(), centering: g() };
		const final = Math.min(10, Math.min(...Object.values(grades)) + 0.5);
		return {
			...echo(record), _width: img.width, _height: img.height,
			_objects: [{ name: 'Card', prob: rng.float(0.9, 0.99), bound_box: boundBox(rng, img.width, img.height) }],
			grades: { ...grades, final, condition: final >= 9.5 ? 'Gem Mint' : final >= 9 ? 'Mint' : final >= 8 ? 'Near Mint' : 'Excellent' },
			_status: okStatus(),
		};
	});
	ctx.bill(records.length);
	return envelope(out, ctx);
}

export class AsyncJobs {
	private readonly jobs = new Map<string, Job>();

	clear(): void {
		this.jobs.clear();
	}

	create(ctx: RequestContext): HandlerResult {
		const body = ctx.body;
		if (!isPlainObject(body)) return { status: 400, body: { detail: 'Request body must be a JSON object.' } };
		if (typeof body.type !== 'string' || body.type === '') return { status: 400, body: { detail: 'Field "type" is required.' } };
		if (typeof body.endpoint !== 'string') return { status: 400, body: { detail: 'Field "endpoint" is required.' } };
		// the endpoint may be a full URL (https://api.ximilar.com/...) or a path
		let endpoint = body.endpoint;
		try {
			endpoint = new URL(endpoint, 'https://api.ximilar.com').pathname;
		} catch { /* keep as is */ }
		const isGrading = GRADING_ENDPOINTS.includes(endpoint);
		if (!isGrading && !RECOGNITION_ROUTES[endpoint]) return { status: 400, body: { detail: `Unknown endpoint ${body.endpoint}.` } };
		const records = validateRecords(body);
		if (!Array.isArray(records)) return records;
		const { type: _t, endpoint: _e, webhook, ...serviceBody } = body;
		void _t; void _e;
		const inner: RequestContext = { ...ctx, body: serviceBody, path: endpoint };
		const result = isGrading ? grade(inner, endpoint) : processRecords(endpoint, inner).body;
		const job: Job = { id: randomUUID(), type: body.type, endpoint, created: new Date().toISOString(), step: 0, webhook, response: result };
		this.jobs.set(job.id, job);
		return { status: 201, body: this.view(job, false) };
	}

	/** GET /account/v2/request/<id>/status (advances the state) and GET /account/v2/request/<id>. */
	read(id: string, statusOnly: boolean): HandlerResult {
		const job = this.jobs.get(id);
		if (!job) return { status: 404, body: { detail: 'Not found.' } };
		if (statusOnly) {
			job.step = Math.min(job.step + 1, STATES.length - 1);
			return { status: 200, body: { id: job.id, status: STATES[job.step] } };
		}
		return { status: 200, body: this.view(job, true) };
	}

	private view(job: Job, withResponse: boolean): Record<string, unknown> {
		const status = STATES[job.step];
		return {
			id: job.id, type: job.type, endpoint: job.endpoint, status, created: job.created,
			...(withResponse ? { response: status === 'DONE' ? job.response : null } : {}),
		};
	}
}
