/** A loopback HTTP server that records what n8n workflows post to it, by path. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sink {
	url: string;
	received: Map<string, unknown[]>;
	/** Resolves once `path` got `count` posts, or after `timeoutMs` with what it has. */
	waitFor(path: string, count: number, timeoutMs: number): Promise<unknown[]>;
	close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
	const received = new Map<string, unknown[]>();
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			let body: unknown;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				body = Buffer.concat(chunks).toString('utf8');
			}
			const list = received.get(req.url ?? '') ?? [];
			list.push(body);
			received.set(req.url ?? '', list);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		received,
		async waitFor(path, count, timeoutMs) {
			const until = Date.now() + timeoutMs;
			while ((received.get(path)?.length ?? 0) < count && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
			return received.get(path) ?? [];
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
