/**
 * Errors keep their words. n8n replaces an error message that
 * mentions a network code (ECONNREFUSED, ECONNRESET, ENOTFOUND, ETIMEDOUT, ...) with its
 * generic text. These tests read the message n8n finally shows, at the top of the error
 * (the thrown error) and in the error item, for each network code, TLS certificate
 * problems and an expression that cannot be resolved.
 */
import { readFileSync } from 'fs';
import { createServer as createHttpsServer, type Server } from 'https';
import { createServer as createNetServer, type AddressInfo } from 'net';
import { join } from 'path';

import { runNode, type RunResult } from './harness/engine';
import { urlRecognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { failureOf } from './support/outputs';

const ctx = useSimulator();
const PATH = '/collectibles/v2/tcg_id';

const parameters = (options: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
	urlRecognizeParameters({ options: { maxRetries: 0, ...options }, ...extra }, '={{ $json.id }}');
const items = [0, 1].map((i) => ({ json: { id: `r-${i}`, url: `https://img.example.com/card-${i}.jpg` } }));

/** Runs with the API URL given, once stopping at the error and once continuing with error items. */
async function bothWays(apiUrl: string, options: Record<string, unknown> = {}): Promise<[RunResult, RunResult]> {
	const credentials = { apiToken: ctx.sim.token, apiUrl };
	const stopped = await runNode({ parameters: parameters(options) as never, items, credentials });
	const continued = await runNode({ parameters: parameters(options) as never, items, credentials, onError: 'continueRegularOutput' });
	return [stopped, continued];
}

/** n8n's own generic texts, which must never replace the node's words. */
const GENERIC = /refused the connection - perhaps|closed unexpectedly|cannot be established|connection timed out|perhaps the server is offline/;

function expectWords(runs: [RunResult, RunResult], message: string, inDescription: string): void {
	const [stopped, continued] = runs;
	expect(stopped.error?.message).toBe(`${message} [item 0]`);
	expect(stopped.error?.message).not.toMatch(GENERIC);
	expect(stopped.error?.description).toContain(inDescription);
	expect(continued.main.map((item) => failureOf(item)?.message)).toEqual([`${message} [item 0]`, `${message} [item 1]`]);
	expect(continued.main[0].json.errorDescription).toContain(inDescription);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = createNetServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

async function httpsServer(name: 'self-signed' | 'unknown-ca'): Promise<Server> {
	const dir = join(__dirname, 'fixtures', 'tls');
	const server = createHttpsServer(
		{ key: readFileSync(join(dir, `${name}.key`)), cert: readFileSync(join(dir, `${name}.crt`)) },
		(_req, res) => res.end('{}'),
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return server;
}

describe('the message n8n shows for each network failure is the node\'s, naming the item', () => {
	it('ECONNREFUSED', async () => {
		const runs = await bothWays(`http://127.0.0.1:${await closedPort()}`);
		expectWords(runs, 'Ximilar refused the connection (1 attempt)', 'Network error ECONNREFUSED');
	});

	it('ECONNRESET', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'reset' }, { kind: 'reset' });
		const runs = await bothWays(ctx.sim.url);
		expectWords(runs, 'The connection to Ximilar was lost after the request was sent: Ximilar may have processed the request (1 attempt)', 'Network error ECONNRESET');
	});

	it('ENOTFOUND', async () => {
		const runs = await bothWays('http://ximilar-api.invalid');
		expectWords(runs, 'The host of the API URL could not be found', 'DNS lookup failed (ENOTFOUND)');
	});

	it('a timeout (the request\'s deadline)', async () => {
		ctx.sim.queueFaultsFor(PATH, { kind: 'delay', ms: 2500 }, { kind: 'delay', ms: 2500 });
		const runs = await bothWays(ctx.sim.url, { timeout: 1 });
		expectWords(runs, 'No answer from Ximilar within 1 s (1 attempt)', 'Network error ETIMEDOUT');
	});

	it('retried refusals count their attempts', async () => {
		const [stopped] = await bothWays(`http://127.0.0.1:${await closedPort()}`, { maxRetries: 2 });
		expect(stopped.error?.message).toBe('Ximilar refused the connection (3 attempts) [item 0]');
	});
});

describe('TLS certificate errors are named as such', () => {
	it.each([
		['self-signed', 'is self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
		['unknown-ca', 'could not be verified', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
	] as const)('%s certificate', async (name, words, code) => {
		const server = await httpsServer(name);
		try {
			const { port } = server.address() as AddressInfo;
			const runs = await bothWays(`https://127.0.0.1:${port}`);
			expectWords(runs, `The TLS certificate of the API URL ${words}`, `TLS error ${code}`);
		} finally {
			server.close();
		}
	});
});

describe('an expression that cannot be resolved keeps its type and description', () => {
	// Item 1 refers to a node that does not exist: n8n throws an ExpressionError for it alone.
	const broken = { recordId: '={{ $json.ref ? $($json.ref).item.json.id : $json.id }}' };
	const mixed = [
		{ json: { id: 'r-0', url: 'https://img.example.com/a.jpg' } },
		{ json: { id: 'r-1', url: 'https://img.example.com/b.jpg', ref: 'No Such Node' } },
	];

	it('thrown as n8n threw it, for the item it concerns', async () => {
		const result = await runNode({
			parameters: { ...parameters(), ...broken } as never,
			items: mixed,
			credentials: ctx.credentials,
		});
		expect(result.error?.name).toBe('ExpressionError');
		expect(result.error?.message).toBe("Referenced node doesn't exist");
		expect(result.error?.context).toEqual(
			expect.objectContaining({ itemIndex: 1, descriptionKey: 'nodeNotFound', nodeCause: 'No Such Node', parameter: 'recordId' }),
		);
		expect(ctx.sim.log).toHaveLength(0);
	});

	it('as an error item beside the other items\' results', async () => {
		const result = await runNode({
			parameters: { ...parameters(), ...broken } as never,
			items: mixed,
			credentials: ctx.credentials,
			onError: 'continueRegularOutput',
		});
		expect(result.main[0].json._id).toBe('r-0');
		expect(failureOf(result.main[1])?.message).toBe("Referenced node doesn't exist [item 1]");
		expect(ctx.sim.log.map((entry) => entry.recordIds)).toEqual([['r-0']]);
	});
});
