/**
 * XimilarSimulator: HTTP plumbing (routing, auth, body parsing, latency, faults, request log).
 * The services themselves live in recognition.ts, collections.ts, flows.ts and async.ts.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { AsyncJobs, type AsyncKnobs, type WebhookDelivery } from './async';
import { collectionRoute, CollectionStore, handleCollection, type UpkeepAnswer } from './collections';
import { FaultPlan, faultBody } from './faults';
import { FLOW_LIST_PATH, FLOW_PROCESS_PATH, listFlows, processFlow, readFlow } from './flows';
import { RateLimiter, type RateLimit } from './rateLimit';
import { processRecords, RECOGNITION_ROUTES } from './recognition';
import { SampleStore } from './samples';
import { parseJsonBody } from './jsonBody';
import { resolveImage } from './sources';
import { listTasks, TASK_LIST_PATHS } from './tasks';
import type {
	Fault, HandlerResult, RandomFaults, RecordPredicate, RequestContext, RequestLogEntry, SimulatorOptions,
} from './types';
import { isPlainObject, stableUuid } from './util';

export const DEFAULT_TOKEN = 'sim-token-0123456789';
/** Authenticates, then gets 403 on every call. */
export const FORBIDDEN_TOKEN = 'forbidden-token';
const MAX_BODY_BYTES = 256 * 1024 * 1024;
const KEEP_BODIES = 500;

interface Route {
	allow: string[];
	run(ctx: RequestContext): HandlerResult;
}

const detail = (status: number, text: string, headers?: Record<string, string>): HandlerResult => ({ status, body: { detail: text }, headers });

/** Copy of a parsed body with every `_base64` string replaced by `_base64Length`. */
function withoutBase64(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(withoutBase64);
	if (!isPlainObject(v)) return v;
	const out: Record<string, unknown> = {};
	for (const [k, val] of Object.entries(v)) {
		if (k === '_base64' && typeof val === 'string') out._base64Length = val.length;
		else out[k] = withoutBase64(val);
	}
	return out;
}

export class XimilarSimulator {
	readonly log: RequestLogEntry[] = [];
	/**
	 * The headers of each request, in the order of `log` (same index). Kept apart from the
	 * log, which never holds the token: only the token-safety test reads these.
	 */
	readonly headersSeen: IncomingMessage['headers'][] = [];
	maxInFlight = 0;
	latencyMs: number;
	perRecordMs: number;

	private readonly server: Server;
	private readonly tokens: Set<string>;
	private readonly firstToken: string;
	private readonly initialLatency: [number, number];
	private readonly initialRateLimit: RateLimit | null;
	private limiter: RateLimiter | null;
	private readonly faults = new FaultPlan();
	private readonly store = new CollectionStore();
	private readonly samples = new SampleStore();
	private readonly jobs = new AsyncJobs();
	private readonly timers = new Set<NodeJS.Timeout>();
	private bodies: { path: string; body: unknown }[] = [];
	private recordPredicate: RecordPredicate | null = null;
	private arrivalResets: { prefix: string; count: number }[] = [];
	private active = 0;
	private seq = 0;
	private credits = 0;

	private constructor(opts: SimulatorOptions) {
		const tokens = opts.tokens && opts.tokens.length > 0 ? opts.tokens : [DEFAULT_TOKEN];
		this.firstToken = tokens[0];
		this.tokens = new Set([...tokens, FORBIDDEN_TOKEN]);
		this.latencyMs = opts.latencyMs ?? 0;
		this.perRecordMs = opts.perRecordMs ?? 0;
		this.initialLatency = [this.latencyMs, this.perRecordMs];
		this.initialRateLimit = opts.rateLimit ?? null;
		this.limiter = this.initialRateLimit ? new RateLimiter(this.initialRateLimit) : null;
		this.server = createServer((req, res) => this.onRequest(req, res));
	}

	static async start(opts: SimulatorOptions = {}): Promise<XimilarSimulator> {
		const sim = new XimilarSimulator(opts);
		await new Promise<void>((resolve, reject) => {
			sim.server.once('error', reject);
			sim.server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
		});
		return sim;
	}

	get url(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	get token(): string {
		return this.firstToken;
	}

	/** Records processed by recognition endpoints (every record billed, failed ones too). */
	get creditsUsed(): number {
		return this.credits;
	}

	queueFaults(...faults: Fault[]): void {
		this.faults.queue(faults);
	}

	queueFaultsFor(pathPrefix: string, ...faults: Fault[]): void {
		this.faults.queueFor(pathPrefix, faults);
	}

	/**
	 * The next `count` requests to `pathPrefix` have their connection reset as soon as their
	 * headers arrive, before the body is read: a request Ximilar cannot have processed.
	 */
	resetOnArrival(pathPrefix: string, count = 1): void {
		this.arrivalResets.push({ prefix: pathPrefix, count });
	}

	setRandomFaults(f: RandomFaults | null): void {
		this.faults.setRandom(f);
	}

	/** Per-token limits (see rateLimit.ts); null lifts them. Counts start afresh. */
	setRateLimit(limit: RateLimit | null): void {
		this.limiter = limit ? new RateLimiter(limit) : null;
	}

	/** Async job knobs (duration, jobs ending in ERROR, lost webhooks); reset() restores the defaults. */
	get asyncJobs(): AsyncKnobs {
		return this.jobs.knobs;
	}

	/** Every webhook call of finished async jobs, in order (lost ones have status -1). */
	get webhookDeliveries(): readonly WebhookDelivery[] {
		return this.jobs.webhooks;
	}

	failRecordsWhere(pred: RecordPredicate | null): void {
		this.recordPredicate = pred;
	}

	collection(id: string): Map<string, any> {
		return this.store.get(id);
	}

	createCollection(id: string): void {
		this.store.get(id);
	}

	/**
	 * How insert, update and delete answer: with their record lists (the default), with only a
	 * `status`, or with an empty body and the code as the HTTP status, as third-party clients
	 * see them (docs/ximilar-api.md §13, S17). reset() restores the lists.
	 */
	setUpkeepAnswer(shape: UpkeepAnswer): void {
		this.store.upkeepAnswer = shape;
	}

	/** Inserts past this many records are refused with 412 "hard capacity exceeded" (S17). */
	setCollectionCapacity(id: string, capacity: number): void {
		this.store.capacity.set(id, capacity);
	}

	/** Parsed body of the latest request (to a path starting with `path`, or exactly `path`), `_base64` replaced by `_base64Length`. */
	lastBody(path = '', exact = false): any {
		for (let i = this.bodies.length - 1; i >= 0; i--) {
			const seen = this.bodies[i].path;
			if (exact ? seen === path : seen.startsWith(path)) return this.bodies[i].body;
		}
		return undefined;
	}

	/** Parsed bodies of the kept requests to exactly `path`, oldest first, `_base64` replaced by `_base64Length`. */
	bodiesTo(path: string): any[] {
		return this.bodies.filter((entry) => entry.path === path).map((entry) => entry.body);
	}

	/** Close idle keep-alive sockets, as Ximilar's load balancer does. */
	dropIdleConnections(): void {
		this.server.closeIdleConnections();
	}

	reset(): void {
		this.log.length = 0; // same array: tests may hold a reference
		this.headersSeen.length = 0;
		this.maxInFlight = 0;
		this.seq = 0;
		this.credits = 0;
		this.faults.clear();
		this.arrivalResets = [];
		this.recordPredicate = null;
		this.store.clear();
		this.jobs.clear();
		this.bodies = [];
		[this.latencyMs, this.perRecordMs] = this.initialLatency;
		this.setRateLimit(this.initialRateLimit);
	}

	async close(): Promise<void> {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.jobs.clear();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	// ------------------------------------------------------------ request pipeline

	private onRequest(req: IncomingMessage, res: ServerResponse): void {
		this.active++;
		this.maxInFlight = Math.max(this.maxInFlight, this.active);
		const raw = req.url ?? '/';
		const qi = raw.indexOf('?');
		const entry: RequestLogEntry = {
			seq: ++this.seq, method: req.method ?? 'GET', path: qi >= 0 ? raw.slice(0, qi) : raw, query: qi >= 0 ? raw.slice(qi + 1) : '',
			status: 0, recordCount: 0, recordIds: [], bodyBytes: 0, inFlight: this.active, startedAt: Date.now(), endedAt: 0,
		};
		const cid = req.headers['collection-id'];
		if (typeof cid === 'string') entry.collectionId = cid;
		this.log.push(entry);
		this.headersSeen.push({ ...req.headers });
		let closed = false;
		res.on('close', () => {
			if (closed) return;
			closed = true;
			this.active--;
			entry.endedAt = Date.now();
		});
		const early = this.arrivalResets.find((slot) => slot.count > 0 && entry.path.startsWith(slot.prefix));
		if (early) {
			early.count--;
			entry.fault = 'resetOnArrival';
			req.socket.destroy();
			return;
		}
		this.readBody(req)
			.then(({ body, receivedAt }) => this.handle(req, res, entry, body, receivedAt))
			.catch((e: unknown) => this.send(res, entry, detail(500, `Simulator error: ${(e as Error).message}`)));
	}

	/** Large body buffers given back after parsing, for the next requests (fresh 13 MB buffers cost page faults and GC). */
	private readonly freeBodies: Buffer[] = [];

	private bodyMemory(length: number): Buffer {
		if (length < 1024 * 1024) return Buffer.allocUnsafe(length);
		const index = this.freeBodies.findIndex((buffer) => buffer.length >= length && buffer.length <= 2 * length);
		const whole = index >= 0 ? this.freeBodies.splice(index, 1)[0] : Buffer.allocUnsafeSlow(length);
		return whole.subarray(0, length);
	}

	private giveBackBody(body: Buffer | null): void {
		if (body && body.buffer.byteLength >= 1024 * 1024 && this.freeBodies.length < 8) {
			this.freeBodies.push(Buffer.from(body.buffer, 0, body.buffer.byteLength));
		}
	}

	/** The body (null when too large) and when its last byte arrived. */
	private readBody(req: IncomingMessage): Promise<{ body: Buffer | null; receivedAt: number }> {
		return new Promise((resolve, reject) => {
			const chunks: Buffer[] = [];
			let size = 0;
			// With a Content-Length, chunks go straight into one buffer (no second copy of 13 MB bodies).
			const declared = Number(req.headers['content-length']);
			const whole = Number.isInteger(declared) && declared > 0 && declared <= MAX_BODY_BYTES ? this.bodyMemory(declared) : undefined;
			req.on('data', (c: Buffer) => {
				if (whole && size + c.length <= whole.length) whole.set(c, size);
				else if (size + c.length <= MAX_BODY_BYTES) chunks.push(c);
				size += c.length;
			});
			req.on('end', () => {
				const receivedAt = performance.now();
				if (size > MAX_BODY_BYTES) return resolve({ body: null, receivedAt });
				if (whole && chunks.length === 0) return resolve({ body: whole.subarray(0, size), receivedAt });
				resolve({ body: Buffer.concat(whole ? [whole.subarray(0, Math.min(size, whole.length)), ...chunks] : chunks), receivedAt });
			});
			req.on('error', reject);
		});
	}

	private handle(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, buf: Buffer | null, receivedAt: number): void {
		if (buf === null) return this.send(res, entry, detail(413, 'Request body is too large.'));
		entry.bodyBytes = buf.length;
		if (entry.method === 'GET' && entry.path.startsWith('/samples/')) return this.serveSample(res, entry); // no auth, no faults

		let body: unknown = {};
		let parseError = false;
		if (buf.length > 0) {
			try {
				body = parseJsonBody(buf);
			} catch {
				parseError = true;
			}
		}
		this.giveBackBody(buf); // parsed: nothing reads the raw bytes again
		if (!parseError) {
			const records = isPlainObject(body) && Array.isArray(body.records) ? body.records : [];
			entry.recordCount = records.length;
			entry.recordIds = records.map((r) => (isPlainObject(r) && r._id !== undefined && r._id !== null ? String(r._id) : null));
			this.bodies.push({ path: entry.path, body: withoutBase64(body) });
			if (this.bodies.length > KEEP_BODIES) this.bodies.shift();
		}

		const throttled = this.throttle(req, res, entry);
		if (throttled) return this.send(res, entry, throttled);

		const fault = this.faults.next(entry.path);
		let extraDelay = 0;
		if (fault) {
			entry.fault = fault.kind;
			switch (fault.kind) {
				case 'status': {
					const headers = { ...fault.headers, ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}) };
					return this.send(res, entry, { status: fault.status, body: fault.body ?? faultBody(fault.status), headers });
				}
				case 'raw':
					entry.status = 200;
					res.writeHead(200, { 'Content-Type': 'application/json' });
					res.end(fault.text);
					return;
				case 'trickle':
					return this.trickle(res, entry, fault.everyMs);
				case 'cutBody':
					entry.status = 200;
					res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
					res.write('{"records": [{"_status": {"code": 200, ');
					this.later(20, () => req.socket.destroy());
					return;
				case 'reset':
					entry.status = 0;
					req.socket.destroy(); // no response at all: the client sees ECONNRESET / socket hang up
					return;
				case 'malformed':
					entry.status = 200;
					res.writeHead(200, { 'Content-Type': 'application/json' });
					res.end('{"records": [{"_status": {"code": 200, "te'); // truncated: not JSON
					return;
				case 'delay':
					extraDelay = fault.ms;
			}
		}

		const delay = this.latencyMs + this.perRecordMs * entry.recordCount;
		const ctx = this.context(req, entry, body, (delay + extraDelay) / 1000);
		const result = this.dispatch(req, entry, ctx, parseError);
		// The model's latency counts from the request's arrival, the simulator's own work
		// (parsing 13 MB of JSON, decoding images) included, as a server's processing time does.
		const spent = performance.now() - receivedAt;
		this.later(Math.max(0, delay - spent) + extraDelay, () => this.send(res, entry, result));
	}

	/** A 200 answer written one byte at a time, until the client leaves. */
	private trickle(res: ServerResponse, entry: RequestLogEntry, everyMs: number): void {
		entry.status = 200;
		const text = JSON.stringify({ records: [], status: { code: 200, text: 'OK' } }).padEnd(100_000, ' ');
		res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(text.length) });
		let at = 0;
		const step = () => {
			if (res.destroyed || at >= text.length) return;
			res.write(text[at++]);
			this.later(everyMs, step);
		};
		step();
	}

	private context(req: IncomingMessage, entry: RequestLogEntry, body: unknown, seconds: number): RequestContext {
		return {
			method: entry.method, path: entry.path, query: new URLSearchParams(entry.query), body, headers: req.headers,
			selfUrl: this.url, processingSeconds: seconds + 0.05,
			shouldFailRecord: (record, index) => {
				const random = this.faults.recordFails(); // drawn for every record, so the sequence stays stable
				return random || (this.recordPredicate ? this.recordPredicate(record, index) : false);
			},
			resolveImage: (record) => resolveImage(record, { selfUrl: this.url, samples: this.samples }),
			bill: (n) => {
				this.credits += n;
			},
		};
	}

	/**
	 * The rate-limit model, applied where Django REST framework applies throttles: after the
	 * path resolved and the token authenticated, before anything else. Answers at once.
	 */
	private throttle(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): HandlerResult | null {
		if (!this.limiter || !this.route(entry.path) || this.authenticate(req.headers.authorization)) return null;
		const token = (req.headers.authorization ?? '').trim().split(/\s+/)[1];
		const admission = this.limiter.admit(token, Date.now());
		if (!admission.admitted) {
			entry.fault = `throttled:${admission.reason}`;
			return admission.reply;
		}
		res.once('close', admission.release);
		return null;
	}

	/** Django REST order: unknown path 404, then authentication, then 405, then body parsing. */
	private dispatch(req: IncomingMessage, entry: RequestLogEntry, ctx: RequestContext, parseError: boolean): HandlerResult {
		const route = this.route(entry.path);
		if (!route) return detail(404, 'Not found.');
		const denied = this.authenticate(req.headers.authorization);
		if (denied) return denied;
		if (!route.allow.includes(entry.method)) {
			return detail(405, `Method "${entry.method}" not allowed.`, { Allow: route.allow.join(', ') });
		}
		if (entry.method === 'POST' && entry.bodyBytes > 0) {
			const type = String(req.headers['content-type'] ?? '');
			if (!/^application\/json\b/i.test(type)) return detail(415, `Unsupported media type "${type}" in request.`);
			if (parseError) return detail(400, 'JSON parse error');
		}
		return route.run(ctx);
	}

	private route(path: string): Route | null {
		if (TASK_LIST_PATHS.includes(path)) return { allow: ['GET'], run: (ctx) => listTasks(path, ctx) };
		if (path === FLOW_LIST_PATH) return { allow: ['GET'], run: (ctx) => listFlows(ctx) };
		const flow = /^\/flows\/v2\/flow\/([^/]+)\/?$/.exec(path);
		if (flow) return { allow: ['GET'], run: () => readFlow(flow[1]) };
		if (path === FLOW_PROCESS_PATH) return { allow: ['POST'], run: (ctx) => processFlow(ctx) };
		if (path === '/account/v2/details/') return { allow: ['GET'], run: () => ({ status: 200, body: this.account() }) };
		if (RECOGNITION_ROUTES[path]) return { allow: ['POST'], run: (ctx) => processRecords(path, ctx) };
		if (path === '/account/v2/request/') {
			return { allow: ['GET', 'POST'], run: (ctx) => (ctx.method === 'POST' ? this.jobs.create(ctx) : this.jobs.list(ctx)) };
		}
		const job = /^\/account\/v2\/request\/([^/]+)(\/status)?$/.exec(path);
		if (job) return { allow: ['GET'], run: () => this.jobs.read(job[1], job[2] !== undefined) };
		const coll = collectionRoute(path);
		if (coll) return { allow: coll.allow, run: (ctx) => handleCollection(this.store, coll.base, coll.method, ctx) };
		return null;
	}

	/** Token authentication as Django REST framework answers it. */
	private authenticate(header: string | undefined): HandlerResult | null {
		const unauthorized = (text: string) => detail(401, text, { 'WWW-Authenticate': 'Token' });
		const parts = (header ?? '').trim().split(/\s+/).filter(Boolean);
		if (parts.length === 0 || parts[0].toLowerCase() !== 'token') return unauthorized('Authentication credentials were not provided.');
		if (parts.length === 1) return unauthorized('Invalid token header. No credentials provided.');
		if (parts.length > 2) return unauthorized('Invalid token header. Token string should not contain spaces.');
		if (!this.tokens.has(parts[1])) return unauthorized('Invalid token.');
		if (parts[1] === FORBIDDEN_TOKEN) return detail(403, 'You do not have permission to perform this action.');
		return null;
	}

	/** The account details with the fields docs/ximilar-api.md §14 lists (S16), and no others. */
	private account(): Record<string, unknown> {
		return {
			id: stableUuid('simulator-user'), email: 'simulator@example.com', first_name: 'Sim', last_name: 'Ulator',
			phone: '+420 000 000 000', organization: 'Ximilar Simulator', verified: true, credits_counter: this.credits,
			credits_limit: 100_000, default_workspace: stableUuid('simulator-workspace'),
		};
	}

	private serveSample(res: ServerResponse, entry: RequestLogEntry): void {
		const name = decodeURIComponent(entry.path.slice('/samples/'.length));
		if (name === '') return this.send(res, entry, { status: 200, body: { samples: this.samples.names() } });
		const sample = this.samples.get(name);
		if (!sample) return this.send(res, entry, detail(404, 'Not found.'));
		entry.status = 200;
		res.writeHead(200, { 'Content-Type': sample.contentType, 'Content-Length': sample.bytes.length });
		res.end(sample.bytes);
	}

	private later(ms: number, fn: () => void): void {
		if (ms <= 0) return fn();
		const t = setTimeout(() => {
			this.timers.delete(t);
			fn();
		}, ms);
		this.timers.add(t);
	}

	private send(res: ServerResponse, entry: RequestLogEntry, r: HandlerResult): void {
		if (res.destroyed || res.writableEnded) return; // the client gave up (its timeout fired): status stays 0
		entry.status = r.status;
		// No body at all (undefined), as third-party clients see some collection answers (S17).
		const payload = Buffer.from(r.body === undefined ? '' : JSON.stringify(r.body));
		res.writeHead(r.status, { ...r.headers, 'Content-Type': 'application/json', 'Content-Length': payload.length });
		res.end(payload);
	}
}
