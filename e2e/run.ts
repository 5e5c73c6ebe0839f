/**
 * End to end: the packed package in a real n8n (issue #5).
 *
 *   npm run e2e        (= npm run build && ts-node --transpile-only e2e/run.ts)
 *
 * 1. Installs the n8n pinned in e2e/n8n/ into .e2e/n8n/ (only when it is missing or the
 *    pinned manifest changed: about 5 minutes and 2.3 GB the first time).
 * 2. Packs this repository with `npm pack` and lints the tarball's JavaScript with n8n's
 *    community rules (e2e/lint-tarball.mjs).
 * 3. Makes a fresh N8N_USER_FOLDER (.e2e/user/), installs the tarball into its
 *    .n8n/nodes folder as n8n installs community packages (node type n8n-nodes-ximilar.ximilar).
 * 4. Starts the Ximilar simulator, imports a credential "Ximilar account" pointing at it,
 *    imports e2e/workflows/*.json, every example in examples/ as it is, and a test copy of
 *    each example whose third-party triggers and sinks are swapped for offline nodes.
 * 5. Runs each test workflow with `n8n execute --id=<id> --rawOutput`, reads the run data
 *    and checks it (and what reached the simulator).
 *
 * Prints PASS/FAIL per check and `e2e: N passed, M failed`; exits 1 on any failure.
 * Logs of every command go to .e2e/logs/.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import {
	copyFileSync,
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';

import { demoCards, makeJpeg, sampleBytes } from '../test/fixtures/images';
import { XimilarSimulator, type RequestLogEntry } from '../test/simulator';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.e2e');
const N8N_PIN = path.join(ROOT, 'e2e', 'n8n');
const N8N_DIR = path.join(WORK, 'n8n');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', '.bin', 'n8n');
const USER_FOLDER = path.join(WORK, 'user');
const LOGS = path.join(WORK, 'logs');
const NODE_TYPE = 'n8n-nodes-ximilar.ximilar';
/** The name every example and test workflow uses for its Ximilar credential (id null: n8n matches it by name on import). */
const CREDENTIAL_NAME = 'Ximilar account';
const CREDENTIAL_ID = 'e2eXimilarSimulator';
const SIM_URL_PLACEHOLDER = '__SIMULATOR_URL__';

// ------------------------------------------------------------------------------------ checks

let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail?: string): boolean {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${!ok && detail ? `: ${detail}` : ''}`);
	return ok;
}

const show = (value: unknown): string => {
	const text = JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}...` : text;
};

function checkEqual(name: string, actual: unknown, expected: unknown): boolean {
	const ok = JSON.stringify(actual) === JSON.stringify(expected);
	return check(name, ok, `expected ${show(expected)}, got ${show(actual)}`);
}

const filled = (value: unknown): boolean =>
	value !== undefined && value !== null && value !== '' && value !== 'null' && value !== 'undefined' &&
	!(Array.isArray(value) && value.length === 0);

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

// ------------------------------------------------------------------------------------ processes

/**
 * `npm run e2e` hands its own npm settings to child processes as npm_* variables,
 * among them this repository's ignore-scripts=true and local_prefix: n8n's install
 * needs its install scripts (sqlite3) and its own folder, so none of them are passed on.
 */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('npm_')) env[key] = value;
	return { ...env, ...extra };
}

interface RunOutput {
	code: number | null;
	stdout: string;
	stderr: string;
	log: string;
}

let logCounter = 0;
/** Process groups of the running commands: n8n starts a task runner process of its own. */
const running = new Set<number>();

function killGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		for (const pid of running) killGroup(pid);
		console.log(`e2e: interrupted (${signal})`);
		process.exit(130);
	});
}

/** Runs a command without blocking the event loop (the simulator answers n8n from this process). */
function runCommand(
	label: string,
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunOutput> {
	mkdirSync(LOGS, { recursive: true });
	const log = path.join(LOGS, `${String(++logCounter).padStart(2, '0')}-${label.replace(/[^\w.-]+/g, '_')}.log`);
	const file = createWriteStream(log);
	file.write(`$ ${command} ${args.join(' ')}\n(cwd ${options.cwd})\n\n`);
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		const pid = child.pid;
		if (pid !== undefined) running.add(pid);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => {
			out.push(chunk);
			file.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			err.push(chunk);
			file.write(chunk);
		});
		const timer = setTimeout(() => {
			file.write(`\n[e2e] timed out after ${options.timeoutMs / 1000} s, killing\n`);
			if (pid !== undefined) killGroup(pid);
		}, options.timeoutMs);
		const finish = (code: number | null) => {
			clearTimeout(timer);
			if (pid !== undefined) {
				running.delete(pid);
				killGroup(pid); // leftovers such as n8n's task runner
			}
			file.end();
			resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), log });
		};
		child.on('error', (error) => {
			err.push(Buffer.from(String(error)));
			finish(null);
		});
		child.on('close', (code) => finish(code));
	});
}

function tail(text: string, lines = 25): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

// ------------------------------------------------------------------------------------ n8n install

const sha256 = (...files: string[]): string => {
	const hash = createHash('sha256');
	for (const file of files) hash.update(existsSync(file) ? readFileSync(file) : Buffer.alloc(0));
	return hash.digest('hex');
};

/** The pinned n8n in .e2e/n8n: installed again only when the pinned manifest or lockfile changed. */
async function ensureN8n(): Promise<void> {
	const manifest = path.join(N8N_PIN, 'package.json');
	const lock = path.join(N8N_PIN, 'package-lock.json');
	const wanted = sha256(manifest, lock);
	const stamp = path.join(N8N_DIR, '.e2e-installed');
	const installed = existsSync(N8N_BIN);
	const stampValue = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
	// An install made by hand from the same files (no stamp yet) counts as current.
	const sameFiles = sha256(path.join(N8N_DIR, 'package.json'), path.join(N8N_DIR, 'package-lock.json')) === wanted;
	if (installed && (stampValue === wanted || (stampValue === undefined && sameFiles))) {
		writeFileSync(stamp, `${wanted}\n`);
		console.log(`n8n: using the install in ${path.relative(ROOT, N8N_DIR)}`);
		return;
	}
	console.log(`n8n: installing ${path.relative(ROOT, manifest)} into ${path.relative(ROOT, N8N_DIR)} (about 5 minutes, 2.3 GB) ...`);
	const started = Date.now();
	mkdirSync(N8N_DIR, { recursive: true });
	// Until the install succeeds the stamp says so: an interrupted install is not taken for a hand-made one.
	writeFileSync(stamp, 'installing\n');
	copyFileSync(manifest, path.join(N8N_DIR, 'package.json'));
	if (existsSync(lock)) copyFileSync(lock, path.join(N8N_DIR, 'package-lock.json'));
	else rmSync(path.join(N8N_DIR, 'package-lock.json'), { force: true });
	const result = await runCommand('npm-install-n8n', 'npm', ['install', '--no-audit', '--no-fund'], {
		cwd: N8N_DIR,
		env: childEnv(),
		timeoutMs: 45 * 60_000,
	});
	if (result.code !== 0 || !existsSync(N8N_BIN)) {
		throw new Error(`npm install of n8n failed (exit ${result.code}), see ${result.log}:\n${tail(result.stderr || result.stdout)}`);
	}
	writeFileSync(stamp, `${wanted}\n`);
	console.log(`n8n: installed in ${seconds(started)}`);
}

// ------------------------------------------------------------------------------------ package

async function packRepository(): Promise<string> {
	mkdirSync(WORK, { recursive: true });
	for (const old of readdirSync(WORK).filter((name) => name.endsWith('.tgz'))) rmSync(path.join(WORK, old));
	const result = await runCommand('npm-pack', 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', WORK], {
		cwd: ROOT,
		env: childEnv(),
		timeoutMs: 120_000,
	});
	if (result.code !== 0) throw new Error(`npm pack failed, see ${result.log}:\n${tail(result.stderr)}`);
	const [packed] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = path.join(WORK, packed.filename);
	check(`pack: ${packed.filename} holds the compiled node and credential`, ['dist/nodes/Ximilar/Ximilar.node.js', 'dist/credentials/XimilarApi.credentials.js', 'dist/nodes/Ximilar/Ximilar.node.json'].every((file) => packed.files.some((entry) => entry.path === file)), show(packed.files.map((entry) => entry.path)));
	check('pack: no source, tests or maps in the tarball', !packed.files.some((entry) => /(^|\/)(test|e2e|examples)\/|\.ts$(?<!\.d\.ts)|\.map$/.test(entry.path)), show(packed.files.map((entry) => entry.path)));
	return tarball;
}

async function lintTarball(tarball: string): Promise<void> {
	const result = await runCommand('lint-tarball', process.execPath, [path.join(ROOT, 'e2e', 'lint-tarball.mjs'), tarball], {
		cwd: ROOT,
		env: childEnv(),
		timeoutMs: 300_000,
	});
	const summary = result.stdout.trim().split('\n').pop() ?? '';
	console.log(result.stdout.trim().split('\n').slice(1).join('\n'));
	check('lint: the tarball\'s JavaScript and package.json pass n8n\'s community rules with zero findings', result.code === 0, `${summary || tail(result.stderr)} (see ${result.log})`);
}

async function installIntoUserFolder(tarball: string): Promise<void> {
	rmSync(USER_FOLDER, { recursive: true, force: true });
	const nodesDir = path.join(USER_FOLDER, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	// What n8n writes there before installing a community package; it also stops npm from
	// walking up to this repository's package.json.
	writeFileSync(path.join(nodesDir, 'package.json'), `${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`);
	const result = await runCommand(
		'npm-install-tarball',
		'npm',
		['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', tarball],
		{ cwd: nodesDir, env: childEnv(), timeoutMs: 300_000 },
	);
	const installedManifest = path.join(nodesDir, 'node_modules', 'n8n-nodes-ximilar', 'package.json');
	check('install: npm install of the tarball into <N8N_USER_FOLDER>/.n8n/nodes', result.code === 0 && existsSync(installedManifest), `exit ${result.code}, see ${result.log}\n${tail(result.stderr)}`);
	if (!existsSync(installedManifest)) throw new Error('the package is not installed, nothing to run');
	const extra = readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.') && name !== 'n8n-nodes-ximilar');
	checkEqual('install: the package brings no dependencies along', extra, []);
}

// ------------------------------------------------------------------------------------ n8n CLI

const ENCRYPTION_KEY = randomBytes(24).toString('hex');
/** n8n 2.x always starts its task broker (for the Code node); on a free port, not 5679, so a local n8n does not clash. */
let brokerPort = 0;

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

function n8nEnv(): NodeJS.ProcessEnv {
	return childEnv({
		N8N_USER_FOLDER: USER_FOLDER,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		// Ignored by n8n 2.x (task runners are always on), kept for 1.x.
		N8N_RUNNERS_ENABLED: 'false',
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_LOG_OUTPUT: 'console',
		// `execute --rawOutput` prints the run data through the logger at level info.
		N8N_LOG_LEVEL: 'info',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NODE_ENV: 'production',
	});
}

async function n8n(label: string, args: string[], timeoutMs = 240_000): Promise<RunOutput> {
	return await runCommand(label, N8N_BIN, args, { cwd: WORK, env: n8nEnv(), timeoutMs });
}

// ------------------------------------------------------------------------------------ run data

interface Item {
	json: Record<string, any>;
	binary?: Record<string, any>;
	pairedItem?: { item: number } | Array<{ item: number }> | number;
	error?: unknown;
}

interface NodeRun {
	data?: { main?: Array<Item[] | null> };
	error?: { message?: string; description?: string };
	executionStatus?: string;
}

interface RunData {
	status?: string;
	finished?: boolean;
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message?: string }; lastNodeExecuted?: string } };
}

/** The run data `n8n execute --rawOutput` prints, found among the log lines around it. */
function extractRunData(stdout: string): RunData | undefined {
	let found: RunData | undefined;
	const lineStart = /^\{/gm;
	let match: RegExpExecArray | null;
	while ((match = lineStart.exec(stdout)) !== null) {
		const end = matchingBrace(stdout, match.index);
		if (end < 0) continue;
		try {
			const parsed = JSON.parse(stdout.slice(match.index, end + 1)) as RunData;
			if (parsed?.data?.resultData?.runData) found = parsed;
			lineStart.lastIndex = end + 1;
		} catch {
			// not the run data: keep looking
		}
	}
	return found;
}

function matchingBrace(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return i;
	}
	return -1;
}

class Run {
	constructor(
		readonly workflow: string,
		readonly data: RunData,
		readonly requests: RequestLogEntry[],
	) {}

	ran(node: string): boolean {
		return (this.data.data.resultData.runData[node]?.length ?? 0) > 0;
	}

	output(node: string, index = 0): Item[] {
		return this.data.data.resultData.runData[node]?.[0]?.data?.main?.[index] ?? [];
	}

	nodeError(node: string): string | undefined {
		return this.data.data.resultData.runData[node]?.[0]?.error?.message;
	}

	check(name: string, ok: boolean, detail?: string): boolean {
		return check(`${this.workflow}: ${name}`, ok, detail);
	}

	equal(name: string, actual: unknown, expected: unknown): boolean {
		return checkEqual(`${this.workflow}: ${name}`, actual, expected);
	}

	/** Requests to paths starting with `prefix`, in the order they arrived. */
	requestsTo(prefix: string): RequestLogEntry[] {
		return this.requests.filter((entry) => entry.path.startsWith(prefix));
	}
}

const pairedIndex = (item: Item): number | undefined => {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired.length === 1 ? paired[0].item : undefined;
	return paired?.item;
};

// ------------------------------------------------------------------------------------ workflows

interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, any>;
	credentials?: Record<string, { id: string | null; name: string }>;
	webhookId?: string;
	onError?: string;
	[key: string]: unknown;
}

interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

interface TestCase {
	id: string;
	label: string;
	workflow: Workflow;
	verify: (run: Run, sim: XimilarSimulator) => void;
}

const readWorkflow = (file: string): Workflow => JSON.parse(readFileSync(file, 'utf8')) as Workflow;

/** Puts the simulator's address where a workflow says __SIMULATOR_URL__. */
function withSimulatorUrl(workflow: Workflow, simUrl: string): Workflow {
	return JSON.parse(JSON.stringify(workflow).split(SIM_URL_PLACEHOLDER).join(simUrl)) as Workflow;
}

/** Collection IDs the workflow's Ximilar nodes use: the simulator must know them before the run. */
function collectionIds(workflow: Workflow): string[] {
	return workflow.nodes
		.filter((node) => node.type === NODE_TYPE && node.parameters.resource === 'collection')
		.map((node) => String(node.parameters.collectionId ?? ''))
		.filter((id) => id !== '' && !id.startsWith('='));
}

// ---- e2e/workflows

function verifyRecognizeBinary(run: Run): void {
	const made = run.output('Make Images');
	run.equal('Make Images (Code node) made 15 items', made.length, 15);
	const files = run.output('Convert to File');
	run.equal('Convert to File made 15 binary files', files.filter((item) => item.binary?.data).length, 15);
	const ids = files.map((item) => String(item.binary?.data?.id ?? ''));
	run.check(
		'the binary files live in n8n\'s filesystem binary mode (binary.data.id "filesystem...", no inline data)',
		ids.length === 15 && ids.every((id) => id.startsWith('filesystem')),
		show(files.slice(0, 2).map((item) => item.binary?.data)),
	);

	const names = made.map((item) => String(item.json.name));
	const goodPositions = made.map((item, index) => (item.json.mimeType === 'image/png' ? index : -1)).filter((index) => index >= 0);
	const badPositions = made.map((_, index) => index).filter((index) => !goodPositions.includes(index));
	run.equal('13 of the 15 files are PNG images', goodPositions.length, 13);

	const ok = run.output('Identify Cards', 0);
	const errors = run.output('Identify Cards', 1);
	run.check('the Ximilar node ran without a node error', !run.nodeError('Identify Cards'), run.nodeError('Identify Cards'));
	run.equal('success output: one item per image, in input order (by _id)', ok.map((item) => item.json._id), goodPositions.map((index) => names[index]));
	run.equal('success output: each item is paired with its own input item', ok.map(pairedIndex), goodPositions);
	run.check('success output: every record has _status 200 and an identified card', ok.length === 13 && ok.every((item) => item.json._status?.code === 200 && filled(item.json.full_name)), show(ok.find((item) => item.json._status?.code !== 200 || !filled(item.json.full_name))?.json));
	run.check('success output: Include Prices gave a median price per card', ok.length === 13 && ok.every((item) => typeof item.json.price_median === 'number'), show(ok[0]?.json));
	run.equal('error output: the SVG and the text file, paired with their input items', errors.map(pairedIndex), badPositions);
	run.check(
		'error output: the errors say why (SVG, not an image)',
		/SVG/.test(String(errors[0]?.json.error)) && /not an image/.test(String(errors[1]?.json.error)),
		show(errors.map((item) => item.json)),
	);

	const requests = run.requestsTo('/collectibles/v2/tcg_id');
	run.equal('the 13 images went to Ximilar in 2 requests of at most 10 records', requests.map((entry) => entry.recordCount), [10, 3]);
	run.check(
		'no credit spent on the bad files (they never reached Ximilar)',
		!requests.some((entry) => entry.recordIds.some((id) => id === 'bad-svg' || id === 'bad-text')),
		show(requests.map((entry) => entry.recordIds)),
	);

	const pairing = run.output('Check Pairing');
	run.equal('Check Pairing: 13 items', pairing.length, 13);
	run.check(
		'Check Pairing: $(\'Convert to File\').item is the item the result came from (file name = _id.png)',
		pairing.length === 13 && pairing.every((item) => item.json.paired_file === `${item.json.result_id}.png`),
		show(pairing.find((item) => item.json.paired_file !== `${item.json.result_id}.png`)?.json),
	);
	run.check(
		'Check Pairing: $(\'Make Images\').item (two nodes back) is the item the result came from',
		pairing.length === 13 && pairing.every((item, index) => item.json.paired_name === item.json.result_id && item.json.paired_position === goodPositions[index]),
		show(pairing.map((item) => [item.json.result_id, item.json.paired_name, item.json.paired_position])),
	);
	const bad = run.output('Bad Images');
	run.equal(
		'Bad Images: $(\'Convert to File\').item on the error output names the bad files',
		bad.map((item) => [item.json.paired_file, item.json.paired_name, item.json.paired_position]),
		[['drawing.svg', 'bad-svg', 4], ['notes.txt', 'bad-text', 11]],
	);
}

function verifyCollectionSearch(run: Run, sim: XimilarSimulator): void {
	const account = run.output('Account Details');
	run.equal('Account Details: one item', account.length, 1);
	run.check('Account Details: the account of the simulator', account[0]?.json.email === 'simulator@example.com' && account[0]?.json.credits_limit === 100000, show(account[0]?.json));
	run.equal('Account Details: one GET /account/v2/details/', run.requestsTo('/account/v2/details/').map((entry) => entry.method), ['GET']);

	const products = run.output('Product List');
	const skus = products.map((item) => String(item.json.sku));
	const inserted = run.output('Insert Products');
	run.equal('Insert: one item per product, paired, in order', inserted.map((item) => [item.json._id, pairedIndex(item)]), skus.map((sku, index) => [sku, index]));
	const stored = sim.collection('e2e-products');
	run.equal('Insert: the collection holds the 6 products with their metadata', [...stored.values()].map((record) => [record._id, record.name, record.category]).sort(), products.map((item) => [item.json.sku, item.json.name, item.json.category]).sort());
	run.equal('Insert: one request with 6 records and the collection-id header', run.requestsTo('/similarity/products/v2/insert').map((entry) => [entry.recordCount, entry.collectionId]), [[6, 'e2e-products']]);

	const searched = run.output('Check Search');
	run.equal('Search by image: each product finds itself first (paired back to Product List)', searched.map((item) => [item.json.sku, item.json.best_id]), skus.map((sku) => [sku, sku]));
	run.check('Search by image: distance 0 to itself, 3 matches, metadata returned', searched.length === 6 && searched.every((item, index) => item.json.best_distance === 0 && item.json.match_count === 3 && item.json.best_name === products[index].json.name), show(searched.map((item) => item.json)));
	run.equal('Search: one visualKNN request per product and search (6 + 6)', run.requestsTo('/similarity/products/v2/visualKNN').length, 12);

	const shoes = run.output('Search Shoes by Record ID');
	run.equal('Search by record ID: one item per product, paired', shoes.map(pairedIndex), skus.map((_, index) => index));
	run.check(
		'Search by record ID: the filter {"category": "shoes"} keeps only shoes',
		shoes.length === 6 && shoes.every((item) => item.json.match_count === 3 && (item.json.matches as Array<Record<string, unknown>>).every((match) => match.category === 'shoes')),
		show(shoes.map((item) => item.json)),
	);
}

// ---- examples: fixtures that replace their triggers, and their checks

interface TriggerItem {
	json: Record<string, unknown>;
	binary?: Record<string, { data: string; mimeType: string; fileName: string }>;
}

interface ExampleFixture {
	/** Items each trigger node (by name) would have produced. */
	triggers?: Record<string, TriggerItem[]>;
	verify: (run: Run, sim: XimilarSimulator) => void;
}

const file = (bytes: Buffer, mimeType: string, fileName: string) => ({ data: bytes.toString('base64'), mimeType, fileName });
const cards = demoCards();

const EXAMPLE_FIXTURES: Record<string, ExampleFixture> = {
	'card-photos-to-google-sheets.json': {
		triggers: {
			'Card Photo Webhook': [
				...[0, 1, 2].map((i) => ({
					json: { headers: { 'content-type': 'multipart/form-data; boundary=x' }, params: {}, query: {}, body: { listing_id: `L-100${i + 1}` } },
					binary: { photo: file(cards[i].buffer, 'image/png', cards[i].fileName) },
				})),
				{
					json: { headers: { 'content-type': 'multipart/form-data; boundary=x' }, params: {}, query: {}, body: { listing_id: 'L-1004' } },
					binary: { photo: file(sampleBytes('pdf'), 'application/pdf', 'scan.pdf') },
				},
			],
		},
		verify: (run, sim) => {
			const ok = run.output('Identify Card', 0);
			run.equal('Identify Card: the three card photos, in order, paired', ok.map((item) => [item.json._id, pairedIndex(item)]), [['L-1001', 0], ['L-1002', 1], ['L-1003', 2]]);
			run.check('Identify Card: identified, with prices (pricing: true sent)', ok.length === 3 && ok.every((item) => filled(item.json.full_name) && typeof item.json.price_median === 'number') && sim.lastBody('/collectibles/v2/tcg_id')?.pricing === true, show(ok[0]?.json));
			run.equal('Identify Card: the PDF went to the error output', run.output('Identify Card', 1).map((item) => [pairedIndex(item), /PDF/.test(String(item.json.error))]), [[3, true]]);
			const rows = run.output('Append to Google Sheet');
			run.equal('Google Sheets columns: Listing ID and Photo come from the webhook item (paired)', rows.map((item) => [item.json['Listing ID'], item.json.Photo]), [['L-1001', 'card-1.png'], ['L-1002', 'card-2.png'], ['L-1003', 'card-3.png']]);
			run.check('Google Sheets columns: every column mapped to a value', rows.length === 3 && rows.every((item) => Object.values(item.json).every(filled)), show(rows.map((item) => item.json)));
			run.equal('Google Sheets columns: Card is the identified card', rows.map((item) => item.json.Card), ok.map((item) => item.json.full_name));
			const answers = run.output('Respond with Card').map((item) => JSON.parse(String(item.json.response_body)) as Record<string, unknown>);
			run.check('Respond with Card: answers each caller with its own card', answers.length === 3 && answers.every((answer, index) => answer.listing_id === `L-100${index + 1}` && answer.card === ok[index].json.full_name), show(answers));
			const refused = run.output('Respond with Error');
			const refusal = refused.length === 1 ? (JSON.parse(String(refused[0].json.response_body)) as Record<string, unknown>) : {};
			run.check('Respond with Error: 422 with the listing ID (paired) and the reason', refused.length === 1 && refused[0].json.response_code === 422 && refusal.listing_id === 'L-1004' && /PDF/.test(String(refusal.error)), show(refused.map((item) => item.json)));
		},
	},
	'fashion-form-to-airtable.json': {
		triggers: {
			'Product Photo Form': [
				{ name: 'Red leather sneaker', email: 'ana@example.com', bytes: makeJpeg(7, 64, 64), mimeType: 'image/jpeg', fileName: 'sneaker.jpg' },
				{ name: 'Black tote bag', email: 'ben@example.com', bytes: cards[3].buffer, mimeType: 'image/png', fileName: 'tote.png' },
			].map((entry) => ({
				json: {
					product_name: entry.name,
					email: entry.email,
					photo: { filename: entry.fileName, mimetype: entry.mimeType, size: entry.bytes.length },
					submittedAt: '2025-01-15T10:00:00.000+00:00',
					formMode: 'production',
				},
				binary: { photo: file(entry.bytes, entry.mimeType, entry.fileName) },
			})),
		},
		verify: (run) => {
			const tagged = run.output('Tag Fashion Photo');
			run.equal('Tag Fashion Photo: one result per form submission, paired', tagged.map((item) => [item.json._id, pairedIndex(item)]), [['Red leather sneaker', 0], ['Black tote bag', 1]]);
			run.check('Tag Fashion Photo: a category and tags for each photo', tagged.length === 2 && tagged.every((item) => filled(item.json.top_category) && filled(item.json.tags)), show(tagged.map((item) => item.json)));
			run.equal('Tag Fashion Photo: one request with both photos', run.requestsTo('/tagging/fashion/v2/tags').map((entry) => entry.recordCount), [2]);
			const records = run.output('Create Airtable Record');
			run.equal('Airtable fields: Product, Email and Photo File come from the form item (paired)', records.map((item) => [item.json.Product, item.json.Email, item.json['Photo File']]), [['Red leather sneaker', 'ana@example.com', 'sneaker.jpg'], ['Black tote bag', 'ben@example.com', 'tote.png']]);
			run.check('Airtable fields: every field mapped to a value, Category and Tags from Ximilar', records.length === 2 && records.every((item, index) => Object.values(item.json).every(filled) && item.json.Category === tagged[index].json.top_category && item.json.Tags === (tagged[index].json.tags as string[]).join(', ')), show(records.map((item) => item.json)));
		},
	},
	'product-catalog-visual-search.json': {
		verify: (run, sim) => {
			const catalog = run.output('Product Catalog');
			const skus = catalog.map((item) => String(item.json.sku));
			run.equal('Insert Into Collection: one item per product, paired', run.output('Insert Into Collection').map((item) => [item.json._id, pairedIndex(item)]), skus.map((sku, index) => [sku, index]));
			const stored = sim.collection('YOUR-COLLECTION-ID');
			run.check('Insert Into Collection: the collection holds the products with name, category and price', stored.size === 6 && catalog.every((item) => stored.get(String(item.json.sku))?.price === item.json.price), show([...stored.values()]));
			const found = run.output('Find Similar Products');
			run.check('Find Similar Products: each product finds itself first, 4 matches', found.length === 6 && found.every((item, index) => item.json.query_id === skus[index] && item.json.match_count === 4 && item.json.matches[0]._id === skus[index] && item.json.matches[0].distance === 0), show(found.map((item) => item.json)));
			const recommendations = run.output('Format Recommendations');
			run.check(
				'Format Recommendations: three other products per product, with names',
				recommendations.length === 6 && recommendations.every((item, index) => item.json.sku === skus[index] && (item.json.similar_skus as string[]).length === 3 && !(item.json.similar_skus as string[]).includes(skus[index]) && (item.json.similar_names as string[]).every(filled)),
				show(recommendations.map((item) => item.json)),
			);
		},
	},
};

// ---- turning an example into its offline test copy

const TRIGGER_TYPES = new Set(['n8n-nodes-base.webhook', 'n8n-nodes-base.formTrigger']);
/** Node types that run offline as they are. Any other node is a third-party sink and gets replaced. */
const OFFLINE_TYPES = new Set([
	NODE_TYPE,
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.code',
	'n8n-nodes-base.set',
	'n8n-nodes-base.noOp',
	'n8n-nodes-base.stickyNote',
	'n8n-nodes-base.if',
	'n8n-nodes-base.filter',
	'n8n-nodes-base.switch',
	'n8n-nodes-base.merge',
	'n8n-nodes-base.splitOut',
	'n8n-nodes-base.limit',
	'n8n-nodes-base.aggregate',
	'n8n-nodes-base.sort',
	'n8n-nodes-base.convertToFile',
	'n8n-nodes-base.extractFromFile',
	'n8n-nodes-base.dateTime',
]);

function setNode(node: WorkflowNode, fields: Array<{ name: string; value: unknown; type: string }>): WorkflowNode {
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: node.position,
		parameters: {
			assignments: {
				assignments: fields.map((field, index) => ({ id: `e2e-${index}`, ...field })),
			},
			options: {},
		},
	};
}

/** A stand-in for a sink: a Set node evaluating the columns it would write, or a No Op. */
function replaceSink(node: WorkflowNode): WorkflowNode {
	if (node.type === 'n8n-nodes-base.respondToWebhook') {
		return setNode(node, [
			{ name: 'response_code', value: Number(node.parameters.options?.responseCode ?? 200), type: 'number' },
			{ name: 'response_body', value: node.parameters.responseBody ?? '', type: 'string' },
		]);
	}
	const columns = node.parameters.columns as { value?: Record<string, unknown>; schema?: Array<{ id: string; type?: string }> } | undefined;
	if (columns?.value && Object.keys(columns.value).length > 0) {
		const typeOf = (column: string) => (columns.schema?.find((entry) => entry.id === column)?.type === 'number' ? 'number' : 'string');
		return setNode(node, Object.entries(columns.value).map(([name, value]) => ({ name, value, type: typeOf(name) })));
	}
	return { id: node.id, name: node.name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: node.position, parameters: {} };
}

function exampleTestCopy(example: Workflow, fixture: ExampleFixture, id: string, file: string): Workflow {
	const copy = JSON.parse(JSON.stringify(example)) as Workflow;
	const starts: string[] = [];
	copy.nodes = copy.nodes.map((node) => {
		if (TRIGGER_TYPES.has(node.type)) {
			const items = fixture.triggers?.[node.name];
			if (!items) throw new Error(`${file}: no fixture items for the trigger "${node.name}" in EXAMPLE_FIXTURES`);
			starts.push(node.name);
			return {
				id: node.id,
				name: node.name,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: node.position,
				parameters: { jsCode: `// e2e stand-in for the ${node.type} trigger\nreturn ${JSON.stringify(items)};` },
			};
		}
		return OFFLINE_TYPES.has(node.type) ? node : replaceSink(node);
	});
	if (starts.length > 0) {
		const [x, y] = copy.nodes.find((node) => node.name === starts[0])?.position ?? [0, 0];
		copy.nodes.push({ id: 'e2e-start', name: 'E2E Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [x - 220, y], parameters: {} });
		copy.connections['E2E Start'] = { main: [starts.map((node) => ({ node, type: 'main', index: 0 }))] };
	}
	if (!copy.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger')) {
		throw new Error(`${file}: neither a Manual Trigger nor a trigger the runner knows how to replace`);
	}
	return { ...copy, id, name: `[e2e copy] ${example.name}`.slice(0, 128), active: false };
}

function checkExampleFile(file: string, example: Workflow): void {
	const label = `example ${file}`;
	const ximilar = example.nodes.filter((node) => node.type === NODE_TYPE);
	check(`${label}: has Ximilar nodes`, ximilar.length > 0);
	const references = example.nodes.flatMap((node) => Object.values(node.credentials ?? {}));
	check(
		`${label}: credentials are referenced by name only (id null), Ximilar as "${CREDENTIAL_NAME}"`,
		references.every((reference) => reference.id === null && typeof reference.name === 'string') &&
			ximilar.every((node) => node.credentials?.ximilarApi?.name === CREDENTIAL_NAME),
		show(example.nodes.filter((node) => node.credentials).map((node) => [node.name, node.credentials])),
	);
	check(`${label}: no pinned data`, !example.pinData || Object.keys(example.pinData as object).length === 0);
	const names = new Set(example.nodes.map((node) => node.name));
	const dangling = Object.entries(example.connections).flatMap(([from, { main }]) =>
		[from, ...main.flat().map((connection) => connection.node)].filter((name) => !names.has(name)),
	);
	checkEqual(`${label}: connections name existing nodes`, dangling, []);
}

// ------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
	const started = Date.now();
	rmSync(LOGS, { recursive: true, force: true });
	brokerPort = await freePort();
	await ensureN8n();
	const version = await runCommand('n8n-version', N8N_BIN, ['--version'], { cwd: WORK, env: n8nEnv(), timeoutMs: 60_000 });
	console.log(`n8n: version ${version.stdout.trim()}`);

	const tarball = await packRepository();
	await lintTarball(tarball);
	await installIntoUserFolder(tarball);

	const sim = await XimilarSimulator.start();
	try {
		const setupStarted = Date.now();
		const cases: TestCase[] = [];
		const importOnly: Workflow[] = [];

		// e2e/workflows/*.json
		const ownChecks: Record<string, (run: Run, sim: XimilarSimulator) => void> = {
			'recognize-binary.json': verifyRecognizeBinary,
			'collection-search.json': verifyCollectionSearch,
		};
		const workflowDir = path.join(ROOT, 'e2e', 'workflows');
		for (const file of readdirSync(workflowDir).filter((name) => name.endsWith('.json')).sort()) {
			const verify = ownChecks[file];
			if (!check(`workflow ${file}: has checks in e2e/run.ts`, verify !== undefined)) continue;
			const workflow = withSimulatorUrl(readWorkflow(path.join(workflowDir, file)), sim.url);
			const id = workflow.id ?? `e2eWf${cases.length + 1}`;
			cases.push({ id, label: file, workflow: { ...workflow, id }, verify });
		}

		// examples/*.json: imported as they are, and a test copy of each is run
		const exampleDir = path.join(ROOT, 'examples');
		const examples = readdirSync(exampleDir).filter((name) => name.endsWith('.json')).sort();
		examples.forEach((file, index) => {
			const example = readWorkflow(path.join(exampleDir, file));
			checkExampleFile(file, example);
			importOnly.push({ ...example, id: `e2eExample${index + 1}`, active: false });
			const fixture = EXAMPLE_FIXTURES[file];
			if (!check(`example ${file}: has a fixture and checks in e2e/run.ts`, fixture !== undefined)) return;
			try {
				const id = `e2eExampleCopy${index + 1}`;
				cases.push({ id, label: `examples/${file}`, workflow: exampleTestCopy(withSimulatorUrl(example, sim.url), fixture, id, file), verify: fixture.verify });
			} catch (error) {
				check(`example ${file}: test copy`, false, (error as Error).message);
			}
		});
		for (const id of cases.flatMap((testCase) => collectionIds(testCase.workflow))) sim.createCollection(id);

		// One import for the credential, one for all workflows.
		const inputDir = path.join(WORK, 'import');
		rmSync(inputDir, { recursive: true, force: true });
		mkdirSync(inputDir, { recursive: true });
		const credentialFile = path.join(inputDir, 'credentials.json');
		writeFileSync(credentialFile, JSON.stringify([{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'ximilarApi', data: { apiToken: sim.token, apiUrl: sim.url } }], null, 2));
		const importedCredential = await n8n('import-credentials', ['import:credentials', `--input=${credentialFile}`]);
		check('n8n import:credentials (ximilarApi pointing at the simulator)', importedCredential.code === 0, `see ${importedCredential.log}\n${tail(importedCredential.stdout + importedCredential.stderr)}`);

		const workflowFile = path.join(inputDir, 'workflows.json');
		const all = [...cases.map((testCase) => testCase.workflow), ...importOnly];
		writeFileSync(workflowFile, JSON.stringify(all, null, 2));
		const importedWorkflows = await n8n('import-workflows', ['import:workflow', `--input=${workflowFile}`]);
		check(
			`n8n import:workflow: ${cases.length} test workflows and ${importOnly.length} examples as they are`,
			importedWorkflows.code === 0 && importedWorkflows.stdout.includes(`Successfully imported ${all.length} workflows`),
			`see ${importedWorkflows.log}\n${tail(importedWorkflows.stdout + importedWorkflows.stderr)}`,
		);
		console.log(`setup: ${seconds(setupStarted)}`);

		for (const testCase of cases) {
			const runStarted = Date.now();
			const firstRequest = sim.log.length;
			const result = await n8n(`execute-${testCase.id}`, ['execute', `--id=${testCase.id}`, '--rawOutput']);
			const data = extractRunData(result.stdout);
			const label = testCase.label;
			const ok = check(
				`${label}: n8n execute ran the workflow (${seconds(runStarted)})`,
				result.code === 0 && data !== undefined && !data.data.resultData.error,
				`exit ${result.code}, ${data?.data.resultData.error?.message ?? 'no run data in the output'}, see ${result.log}\n${tail(result.stdout + result.stderr)}`,
			);
			if (!ok || !data) continue;
			const run = new Run(label, data, sim.log.slice(firstRequest));
			const nodeErrors = Object.keys(data.data.resultData.runData).filter((node) => run.nodeError(node));
			run.equal('no node failed', nodeErrors, []);
			const skipped = testCase.workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote' && !run.ran(node.name)).map((node) => node.name);
			run.equal('every node ran', skipped, []);
			try {
				testCase.verify(run, sim);
			} catch (error) {
				run.check('checks ran to the end', false, (error as Error).stack);
			}
		}
	} finally {
		await sim.close();
	}
	console.log(`e2e: took ${seconds(started)} (logs in ${path.relative(ROOT, LOGS)}/)`);
}

main()
	.catch((error: unknown) => {
		check('e2e run', false, error instanceof Error ? error.message : String(error));
	})
	.finally(() => {
		console.log(`e2e: ${passed} passed, ${failed} failed`);
		process.exit(failed > 0 ? 1 : 0);
	});
