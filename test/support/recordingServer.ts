import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export type Responder = (request: RecordedRequest, response: ServerResponse) => void;

/** JSON 200 for any request: what a server that is not Ximilar, or a fake of it, might answer. */
export const answerJson =
	(body: unknown): Responder =>
	(_request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify(body));
	};

/** What the recorder answers unless told otherwise: JSON any of the node's readers would take. */
export const SOME_JSON = answerJson({ id: 1, email: 'someone@example.com', records: [], answer_records: [] });

/**
 * A second server on loopback that records every request reaching it (headers included):
 * the host a redirect points to, to see what would leave the API URL's host.
 */
export class RecordingServer {
	readonly requests: RecordedRequest[] = [];
	respond: Responder = SOME_JSON;

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(): Promise<RecordingServer> {
		let recorder: RecordingServer | undefined;
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
				recorder?.requests.push(request);
				recorder?.respond(request, res);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		recorder = new RecordingServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		return recorder;
	}

	/** Requests that carried an Authorization header. */
	withAuthorization(): RecordedRequest[] {
		return this.requests.filter((request) => request.headers.authorization !== undefined);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
