/**
 * Binary data in n8n's modes: in memory mode (n8n 1.x's default) the item holds the file as
 * base64, which goes into the request body as it is; in filesystem mode (and S3, database) the
 * item holds a marker and the file is read through n8n's helper. Both give the same results.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { makePng, sampleBytes } from './fixtures/images';
import { runNode } from './harness/engine';
import { pngItems, sampleItem } from './harness/items';
import { loadPackage } from './harness/package';
import { recognizeParameters } from './harness/recognizeRun';
import { useSimulator } from './harness/useSimulator';
import { RecordingServer } from './support/recordingServer';
import { failureOf } from './support/outputs';

const ctx = useSimulator();
const parameters = recognizeParameters({ recordId: '={{ "row-" + $json.row }}' });

/** A server that answers every record sent as processed, and keeps the bodies as text. */
async function recorder(): Promise<RecordingServer> {
	const server = await RecordingServer.start();
	server.respond = (request, response) => {
		const records = (JSON.parse(request.body) as { records: Array<{ _id: string }> }).records;
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ records: records.map((record) => ({ _id: record._id, _status: { code: 200, text: 'OK' } })) }));
	};
	return server;
}

/** The `_base64` texts of the records in a body, as they were written on the wire. */
const sentBase64 = (body: string) => [...body.matchAll(/"_base64":"([^"]*)"/g)].map((match) => match[1]);

describe('memory binary mode', () => {
	let server: RecordingServer;
	beforeEach(async () => (server = await recorder()));
	afterEach(async () => await server.close());

	it('sends the item\'s own base64 text, not a decoded and encoded again copy', async () => {
		const png = makePng(8, 8, 3);
		// A length that leaves one byte in the last group: its two padding bits are free, and a
		// decoder ignores them. The helper would give the canonical text back; the item's own text goes as it is.
		const file = png.length % 3 === 1 ? png : Buffer.concat([png, Buffer.alloc((3 + 1 - (png.length % 3)) % 3)]);
		const canonical = file.toString('base64');
		expect(canonical.endsWith('==')).toBe(true);
		const last = canonical.charAt(canonical.length - 3);
		const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
		const odd = `${canonical.slice(0, -3)}${ALPHABET[ALPHABET.indexOf(last) | 1]}==`;
		expect(odd).not.toBe(canonical);
		expect(Buffer.from(odd, 'base64').equals(file)).toBe(true);

		const result = await runNode({
			parameters: parameters as never,
			items: [{ json: { row: 0 }, binary: { data: { data: file, mimeType: 'image/png', fileName: 'a.png' } } }],
			credentials: { apiToken: 'token', apiUrl: server.url },
			binaryMode: 'memory',
		});
		expect(result.error).toBeUndefined();
		expect(sentBase64(server.requests[0].body)).toEqual([canonical]);

		server.requests.length = 0;
		const own = await runWithData(server, odd);
		expect(own.error).toBeUndefined();
		expect(sentBase64(server.requests[0].body)).toEqual([odd]);
	});

	it('reads data that is not exact base64 through n8n\'s helper, as filesystem mode would', async () => {
		const file = makePng(8, 8, 4);
		const canonical = file.toString('base64');
		const wrapped = `${canonical.slice(0, 20)}\n${canonical.slice(20)}`;
		const result = await runWithData(server, wrapped);
		expect(result.error).toBeUndefined();
		expect(sentBase64(server.requests[0].body)).toEqual([canonical]);
	});

	it('refuses a file Ximilar cannot read from its first bytes, before any request', async () => {
		const svg = sampleBytes('svg').toString('base64');
		const result = await runWithData(server, svg, 'continueRegularOutput');
		expect(failureOf(result.main[0])?.message).toMatch(/^The binary file "a.png" is in SVG format, which Ximilar cannot read.* \[item 0\]$/);
		expect(server.requests).toHaveLength(0);
	});
});

/** One item whose binary `data` is exactly `data` (memory mode: no id). */
async function runWithData(server: RecordingServer, data: string, onError?: 'continueRegularOutput') {
	const { Ximilar } = loadPackage();
	const inner = new Ximilar();
	// The item is given to the node as n8n would hand it over in memory mode, its data untouched.
	const nodeType = {
		description: inner.description,
		async execute(this: IExecuteFunctions) {
			const items = this.getInputData();
			items[0].binary = { data: { data, mimeType: 'image/png', fileName: 'a.png' } };
			return await inner.execute!.call(this);
		},
	};
	return await runNode({ parameters: parameters as never, items: [{ json: { row: 0 } }], credentials: { apiToken: 'token', apiUrl: server.url }, nodeType, onError });
}

describe('the same results in memory and filesystem mode', () => {
	it('identifies the same cards, with the same columns', async () => {
		const files = await runNode({ parameters: parameters as never, items: pngItems(5), credentials: ctx.credentials });
		const memory = await runNode({ parameters: parameters as never, items: pngItems(5), credentials: ctx.credentials, binaryMode: 'memory' });
		expect(files.error).toBeUndefined();
		expect(memory.main.map((item) => item.json)).toEqual(files.main.map((item) => item.json));
		const refused = await runNode({ parameters: parameters as never, items: [sampleItem('avif', 0)], credentials: ctx.credentials, binaryMode: 'memory', onError: 'continueRegularOutput' });
		expect(failureOf(refused.main[0])?.message).toMatch(/AVIF format/);
	});
});
