/**
 * Asynchronous requests (docs/ximilar-api.md §4, §5, §10):
 *   POST /account/v2/request/            {type, endpoint, records, webhook?: {endpoint, headers?}, ...params}
 *                                        -> {id, status: "CREATED", type, endpoint, created}
 *   GET  /account/v2/request/<id>/status -> {id, status}
 *   GET  /account/v2/request/<id>        -> {id, status, type, endpoint, created, workspace, response}
 *   GET  /account/v2/request/?page=&page_size=&type=&status=  -> {count, next, previous, results}
 * States CREATED -> PROCESSING -> DONE, or ERROR [guess: the failure state's name is undocumented].
 * A job moves by the clock: PROCESSING after half of `jobMs`, finished after `jobMs`. The
 * webhook (if any) gets POST {id, status, response} with the job's headers when the job is
 * DONE, and only then: the docs name no callback for a failed job (§4), so an ERROR job
 * never calls back. Results are computed (and billed) when the job is created.
 * Types: card-grader, upscaler, collectibles-recognition (endpoint = a collectibles endpoint
 * name [G]) and flows (`flow` in the body as for /flows/v2/process, endpoint optional [G]).
 */
import { randomUUID } from 'crypto';

import { GRADING_ENDPOINT_NAMES, GRADING_MAX_RECORDS, gradeRecord } from './grading';
import { FLOW_PROCESS_PATH, processFlow } from './flows';
import { echo, envelope, okStatus, processRecords, RECOGNITION_ROUTES, validateRecords } from './recognition';
import type { HandlerResult, RequestContext } from './types';
import { isPlainObject, stableUuid } from './util';

export const UPSCALE_ENDPOINTS = ['upscale_2x', 'upscale_4x', 'upscale_8x'] as const;
export const UPSCALE_MODES = ['artifact_removal', 'ironed_out', 'high_fidelity'] as const;
/** [guess] DRF page size of the list endpoint. */
export const JOB_PAGE_SIZE = 10;

export type JobState = 'CREATED' | 'PROCESSING' | 'DONE' | 'ERROR';

export interface WebhookDelivery {
	jobId: string;
	url: string;
	/** HTTP status of the receiver; 0 when unreachable; -1 when the simulator "lost" the webhook. */
	status: number;
	at: number;
}

/** Knobs tests turn: job duration, jobs that end in ERROR, webhooks that never arrive. */
export interface AsyncKnobs {
	/** Milliseconds from creation to DONE (PROCESSING after half). */
	jobMs: number;
	/** The webhooks of the next N jobs created with one are dropped (never sent), as if lost on the way. */
	loseWebhooks: number;
	/** Jobs whose body matches end in ERROR, with no response. */
	failJob: ((body: Record<string, unknown>) => boolean) | null;
	/** Upscaled records matching this get an image URL that answers 404, as after Ximilar's 24 h. */
	expireImage: ((record: Record<string, unknown>) => boolean) | null;
}

interface Job {
	id: string;
	type: string;
	endpoint: string;
	created: string;
	createdAt: number;
	doneAt: number;
	failed: boolean;
	webhook?: { endpoint: string; headers: Record<string, string> };
	/** Its webhook is lost on the way (decided when the job is created, so the order of timers cannot change which). */
	loseWebhook: boolean;
	response: unknown;
}

const bad = (detail: string): HandlerResult => ({ status: 400, body: { detail } });

function upscale(ctx: RequestContext, endpoint: string, records: Record<string, unknown>[], knobs: AsyncKnobs): HandlerResult {
	if (records.length !== 1) return bad('The upscaler takes exactly 1 record per request.');
	const body = ctx.body as Record<string, unknown>;
	if (body.mode !== undefined && !(UPSCALE_MODES as readonly unknown[]).includes(body.mode)) {
		return bad(`Unknown mode "${String(body.mode)}".`);
	}
	const scale = Number(endpoint.slice('upscale_'.length, -1));
	const out = records.map((record, i) => {
		const image = ctx.resolveImage(record);
		if (!image.ok) return { ...echo(record), _status: { ...image.status, request_id: randomUUID() } };
		if (ctx.shouldFailRecord(record, i)) return { ...echo(record), _status: { code: 500, text: 'Processing failed', request_id: randomUUID() } };
		const ext = image.format === 'png' ? 'png' : image.format === 'webp' ? 'webp' : 'jpg';
		return {
			...echo(record), _width: image.width, _height: image.height,
			_upscaled_image_url: `${ctx.selfUrl}/samples/upscaled/${knobs.expireImage?.(record) ? 'expired-' : ''}${image.key.slice(0, 16)}-${scale}x.${ext}`,
			_status: okStatus(),
		};
	});
	ctx.bill(records.length);
	return { status: 200, body: envelope(out, ctx) };
}

function grade(ctx: RequestContext, endpoint: string, records: Record<string, unknown>[]): HandlerResult {
	if (records.length > GRADING_MAX_RECORDS) return bad(`Card grading takes at most ${GRADING_MAX_RECORDS} records (front and back of one card).`);
	const out = records.map((record, i) => {
		const image = ctx.resolveImage(record);
		if (!image.ok) return { ...echo(record), _status: { ...image.status, request_id: randomUUID() } };
		if (ctx.shouldFailRecord(record, i)) return { ...echo(record), _status: { code: 500, text: 'Processing failed', request_id: randomUUID() } };
		return { ...echo(record), _width: image.width, _height: image.height, ...gradeRecord(endpoint, record, i, image, ctx.selfUrl), _status: okStatus() };
	});
	ctx.bill(records.length);
	return { status: 200, body: envelope(out, ctx) };
}

/** The service a job runs, or why it cannot run. */
function runService(type: string, endpoint: string, ctx: RequestContext, records: Record<string, unknown>[], knobs: AsyncKnobs): HandlerResult {
	if (type === 'card-grader') {
		if (!(GRADING_ENDPOINT_NAMES as readonly string[]).includes(endpoint)) return bad(`Unknown endpoint "${endpoint}" for type card-grader.`);
		return grade(ctx, endpoint, records);
	}
	if (type === 'upscaler') {
		if (!(UPSCALE_ENDPOINTS as readonly string[]).includes(endpoint)) return bad(`Unknown endpoint "${endpoint}" for type upscaler.`);
		return upscale(ctx, endpoint, records, knobs);
	}
	if (type === 'flows') return processFlow({ ...ctx, path: FLOW_PROCESS_PATH });
	if (type === 'collectibles-recognition') {
		const path = `/collectibles/v2/${endpoint}`;
		if (!RECOGNITION_ROUTES[path]) return bad(`Unknown endpoint "${endpoint}" for type collectibles-recognition.`);
		return processRecords(path, { ...ctx, path });
	}
	return bad(`Unknown type "${type}".`);
}

function readWebhook(value: unknown): Job['webhook'] | HandlerResult | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value) || typeof value.endpoint !== 'string' || !/^https?:\/\//.test(value.endpoint)) {
		return bad('Field "webhook" must be an object with an http(s) "endpoint".');
	}
	const headers: Record<string, string> = {};
	if (value.headers !== undefined) {
		if (!isPlainObject(value.headers)) return bad('Field "webhook.headers" must be an object.');
		for (const [k, v] of Object.entries(value.headers)) headers[k] = String(v);
	}
	return { endpoint: value.endpoint, headers };
}

export class AsyncJobs {
	readonly webhooks: WebhookDelivery[] = [];
	knobs: AsyncKnobs = AsyncJobs.defaults();
	private readonly jobs = new Map<string, Job>();
	private readonly timers = new Set<NodeJS.Timeout>();

	static defaults(): AsyncKnobs {
		return { jobMs: 40, loseWebhooks: 0, failJob: null, expireImage: null };
	}

	clear(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.jobs.clear();
		this.webhooks.length = 0;
		this.knobs = AsyncJobs.defaults();
	}

	create(ctx: RequestContext): HandlerResult {
		const body = ctx.body;
		if (!isPlainObject(body)) return bad('Request body must be a JSON object.');
		if (typeof body.type !== 'string' || body.type === '') return bad('Field "type" is required.');
		const endpointOptional = body.type === 'flows' && body.endpoint === undefined;
		if (!endpointOptional && (typeof body.endpoint !== 'string' || body.endpoint === '')) return bad('Field "endpoint" is required.');
		const webhook = readWebhook(body.webhook);
		if (webhook && 'status' in webhook) return webhook;
		const records = validateRecords(body);
		if (!Array.isArray(records)) return records;
		const { type, endpoint: sentEndpoint, webhook: _w, ...serviceBody } = body;
		void _w;
		const endpoint = typeof sentEndpoint === 'string' ? sentEndpoint : '';
		const result = runService(type, endpoint, { ...ctx, body: serviceBody }, records, this.knobs);
		if (result.status !== 200) return result;
		const now = Date.now();
		const job: Job = {
			id: randomUUID(), type, endpoint, created: new Date(now).toISOString(), createdAt: now,
			doneAt: now + this.knobs.jobMs, failed: this.knobs.failJob?.(body) ?? false, webhook, response: result.body,
			loseWebhook: webhook !== undefined && this.knobs.loseWebhooks > 0,
		};
		if (job.loseWebhook) this.knobs.loseWebhooks--;
		this.jobs.set(job.id, job);
		if (webhook) this.schedule(job);
		return { status: 201, body: { ...this.summary(job), status: 'CREATED' } };
	}

	/** GET /account/v2/request/<id>/status and GET /account/v2/request/<id>. */
	read(id: string, statusOnly: boolean): HandlerResult {
		const job = this.jobs.get(id);
		if (!job) return { status: 404, body: { detail: 'Not found.' } };
		if (statusOnly) return { status: 200, body: { id: job.id, status: this.state(job) } };
		return { status: 200, body: this.detail(job) };
	}

	/** GET /account/v2/request/: newest first, filtered by type and status, DRF paging. */
	list(ctx: RequestContext): HandlerResult {
		const page = Number(ctx.query.get('page') ?? '1');
		const size = Number(ctx.query.get('page_size') ?? JOB_PAGE_SIZE);
		if (!Number.isInteger(page) || page < 1) return { status: 404, body: { detail: 'Invalid page.' } };
		const type = ctx.query.get('type');
		const status = ctx.query.get('status');
		const all = [...this.jobs.values()]
			.filter((job) => (!type || job.type === type) && (!status || this.state(job) === status))
			.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
		const start = (page - 1) * size;
		if (start > 0 && start >= all.length) return { status: 404, body: { detail: 'Invalid page.' } };
		const link = (p: number) => {
			const q = new URLSearchParams(ctx.query);
			q.set('page', String(p));
			return `${ctx.selfUrl}/account/v2/request/?${q.toString()}`;
		};
		return {
			status: 200,
			body: {
				count: all.length,
				next: start + size < all.length ? link(page + 1) : null,
				previous: page > 1 ? link(page - 1) : null,
				results: all.slice(start, start + size).map((job) => this.summary(job)),
			},
		};
	}

	private state(job: Job, now = Date.now()): JobState {
		if (now >= job.doneAt) return job.failed ? 'ERROR' : 'DONE';
		return now >= job.createdAt + (job.doneAt - job.createdAt) / 2 ? 'PROCESSING' : 'CREATED';
	}

	private summary(job: Job): Record<string, unknown> {
		return {
			id: job.id, type: job.type, ...(job.endpoint ? { endpoint: job.endpoint } : {}), status: this.state(job), created: job.created,
			workspace: stableUuid('simulator-workspace'),
		};
	}

	private detail(job: Job, now = Date.now()): Record<string, unknown> {
		const state = this.state(job, now);
		return { ...this.summary(job), status: state, response: state === 'DONE' ? job.response : null };
	}

	/**
	 * Calls the webhook once the job is DONE: POST {id, status, response} with the job's headers.
	 * A timer may fire a moment before the job's clock says it is finished: it waits again
	 * rather than calling back with an earlier state. A failed job never calls back (§4).
	 */
	private schedule(job: Job): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (Date.now() < job.doneAt) return this.schedule(job);
			if (this.state(job) === 'DONE') void this.deliver(job);
		}, Math.max(0, job.doneAt - Date.now()));
		this.timers.add(timer);
	}

	private async deliver(job: Job): Promise<void> {
		const hook = job.webhook!;
		const delivery: WebhookDelivery = { jobId: job.id, url: hook.endpoint, status: -1, at: Date.now() };
		this.webhooks.push(delivery);
		if (job.loseWebhook) return;
		const { id, status, response } = this.detail(job);
		try {
			const res = await fetch(hook.endpoint, {
				method: 'POST',
				headers: { ...hook.headers, 'Content-Type': 'application/json' },
				body: JSON.stringify({ id, status, response }),
			});
			delivery.status = res.status;
			await res.arrayBuffer();
		} catch {
			delivery.status = 0;
		}
	}
}
