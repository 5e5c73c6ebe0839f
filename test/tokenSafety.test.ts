/**
 * Token safety (issues #6, #10): every error path of the bad-input catalogue, run with a
 * recognizable API token (and a recognizable rejected one for 401), in the three error
 * modes. The token must appear in no output item (json, error message, description,
 * context), in no thrown error, in no line n8n or anything else logged during the run,
 * and in no simulator log line or request body; the requests that reached the simulator
 * carry it exactly once each, in `Authorization: Token <token>`, and in no other header.
 * A few extra paths have Ximilar echo the token back, to check the node scrubs it.
 */
import type { INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { runNode, type RunResult } from './harness/engine';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { FORBIDDEN_TOKEN, XimilarSimulator, type Fault } from './simulator';
import { badInputCases, type BadInputCase } from './support/badInputCases';
import { dump, failureOf } from './support/outputs';

const TOKEN = 'tok-LEAKCHECK-7f3a9c21e5d84b06';
const REJECTED_TOKEN = 'tok-REVOKED-LEAKCHECK-0b6d2e9a41c7';
const SECRETS = [TOKEN, REJECTED_TOKEN];
const MODES = ['continueRegularOutput', 'continueErrorOutput', 'stopWorkflow'] as const;

let sim: XimilarSimulator;
/** Every line logged during a run: n8n's logger (every level) and the console. */
const logLines: string[] = [];
const record = (level: string) => (...parts: unknown[]) => {
	logLines.push(`${level} ${parts.map((part) => (typeof part === 'string' ? part : dump(part))).join(' ')}`);
};
beforeAll(async () => {
	sim = await XimilarSimulator.start({ tokens: [TOKEN] });
	// A first run sets up n8n's own logger, which takes over LoggerProxy; ours comes after it.
	await runNode({ parameters: { resource: 'account', operation: 'getDetails' }, credentials: { apiToken: TOKEN, apiUrl: sim.url } });
	LoggerProxy.init({ error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') });
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) jest.spyOn(console, level).mockImplementation(record(`console.${level}`));
});
beforeEach(() => {
	logLines.length = 0;
});
afterAll(async () => {
	jest.restoreAllMocks();
	await sim.close();
});

async function run(testCase: BadInputCase, onError: (typeof MODES)[number]): Promise<RunResult> {
	sim.reset();
	testCase.setup?.(sim);
	const apiToken = testCase.token === 'rejected' ? REJECTED_TOKEN : testCase.token === 'forbidden' ? FORBIDDEN_TOKEN : TOKEN;
	return await runNode({ parameters: testCase.parameters, items: testCase.items, credentials: { apiToken, apiUrl: sim.url }, onError });
}

/** Where a secret shows, if anywhere: the places a user or a log could see. */
function leaks(result: RunResult, secrets: string[]): string[] {
	const places: Record<string, string> = {
		'main output': dump(result.main),
		'error output': dump(result.errorOutput),
		'thrown error': result.error ? `${result.error.message}\n${result.error.description ?? ''}\n${dump(result.error)}` : '',
		'simulator log': JSON.stringify(sim.log),
		'request body': dump(sim.lastBody()),
		'log lines': logLines.join('\n'),
	};
	return Object.entries(places).flatMap(([place, text]) =>
		secrets.filter((secret) => text.includes(secret)).map((secret) => `${place} contains ${secret}`),
	);
}

/**
 * The real headers of every request that reached the simulator: the token only as
 * `Authorization: Token <token>`, nowhere else. Returns what is wrong.
 */
function headerProblems(token: string): string[] {
	const problems: string[] = [];
	sim.headersSeen.forEach((headers, index) => {
		const path = sim.log[index]?.path ?? '?';
		if (path.startsWith('/samples/')) return; // Ximilar fetching an image URL, not the node
		if (headers.authorization !== `Token ${token}`) problems.push(`${path}: Authorization is ${String(headers.authorization)}`);
		for (const [name, value] of Object.entries(headers)) {
			if (name !== 'authorization' && String(value).includes(token)) problems.push(`${path}: header ${name} carries the token`);
		}
	});
	return problems;
}

/** Whether the run failed at all: a token check on a path that was not taken proves nothing. */
function errorPathTaken(result: RunResult, mode: (typeof MODES)[number]): boolean {
	if (mode === 'stopWorkflow') return result.error !== undefined;
	return [...result.main, ...result.errorOutput].some((item) => failureOf(item) !== undefined);
}

const CASES = badInputCases();

describe.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
	it.each(MODES)('no token anywhere with On Error = %s', async (mode) => {
		const result = await run(testCase, mode);
		expect(leaks(result, [...SECRETS, FORBIDDEN_TOKEN])).toEqual([]);
		const token = testCase.token === 'rejected' ? REJECTED_TOKEN : testCase.token === 'forbidden' ? FORBIDDEN_TOKEN : TOKEN;
		expect(headerProblems(token)).toEqual([]);
		expect({ errorPathTaken: errorPathTaken(result, mode) }).toEqual({ errorPathTaken: true });
	});
});

// ---------------------------------------------------------------- more failure paths
// A reset connection: the client's error object carries the request's Authorization header.
// The others have Ximilar echo the token back, which the node must scrub.

const recognizeUrls = urlRecognizeParameters({ options: { maxRetries: 1 } }, '={{ $json.id }}') as INodeParameters;
const urlItems = [0, 1, 2].map((index) => ({ json: { id: `r-${index}`, url: `https://img.example.com/card-${index}.jpg` } }));

const EXTRA_PATHS: Array<[string, Fault[], string?]> = [
	['connection resets until the retries run out', [{ kind: 'reset' }, { kind: 'reset' }]],
	['a 400 whose detail echoes the token', [{ kind: 'status', status: 400, body: { detail: `Token ${TOKEN} may not use this endpoint.` } }]],
	[
		'5xx whose detail and status echo the token, retried',
		[
			{ kind: 'status', status: 500, body: { detail: `Worker crashed (auth=${TOKEN})` } },
			{ kind: 'status', status: 503, body: { status: { code: 503, text: `Overloaded for ${TOKEN}` } } },
		],
	],
	['a 401 whose detail echoes the rejected token', [{ kind: 'status', status: 401, body: { detail: `Invalid token ${REJECTED_TOKEN}.` } }], REJECTED_TOKEN],
	[
		'a 200 whose top-level status echoes the token',
		[{ kind: 'status', status: 200, body: { records: [], status: { code: 400, text: `Bad request from ${TOKEN}` } } }],
	],
	[
		'a record _status text that echoes the token',
		[
			{
				kind: 'status',
				status: 200,
				body: {
					records: [
						{ _id: 'r-0', _status: { code: 200, text: 'OK' } },
						{ _id: 'r-1', _status: { code: 400, text: `Could not download the image with Authorization: Token ${TOKEN}` } },
						{ _id: 'r-2', _status: { code: 200, text: 'OK' } },
					],
					status: { code: 200, text: 'OK' },
				},
			},
		],
	],
];

describe.each(EXTRA_PATHS)('%s', (_name, faults, token = TOKEN) => {
	it.each(MODES)('no token anywhere with On Error = %s', async (mode) => {
		sim.reset();
		sim.queueFaults(...faults);
		const result = await runNode({
			parameters: recognizeUrls,
			items: urlItems,
			credentials: { apiToken: token, apiUrl: sim.url },
			onError: mode,
		});
		expect(leaks(result, [token])).toEqual([]);
		expect(headerProblems(token)).toEqual([]);
		expect(sim.headersSeen.length).toBeGreaterThan(0);
		// The capture works: n8n logged the run (e.g. "Running node ... started").
		expect(logLines.some((line) => line.includes('Running node'))).toBe(true);
		expect({ errorPathTaken: errorPathTaken(result, mode) }).toEqual({ errorPathTaken: true });
	});
});
