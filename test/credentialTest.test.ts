import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { testCredential } from './harness/credentialTest';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();

/** A loopback port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Some web server that is not Ximilar: answers every path with an HTML page. */
async function webPage(): Promise<{ url: string; server: Server }> {
	const server = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html' });
		res.end('<html><body>Welcome</body></html>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const requests = () => ctx.sim.log.map((entry) => [entry.method, entry.path, entry.status]);

describe('credential test (the Test button, through the node\'s testedBy method)', () => {
	it('passes with a valid token, reading the free account endpoint once', async () => {
		const result = await testCredential(ctx.credentials);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requests()).toEqual([['GET', '/account/v2/details/', 200]]);
	});

	it('passes with an API URL that ends in a slash', async () => {
		const result = await testCredential({ ...ctx.credentials, apiUrl: `${ctx.sim.url}/` });
		expect(result.status).toBe('OK');
		expect(requests()).toEqual([['GET', '/account/v2/details/', 200]]);
	});

	it('says the token was rejected, quotes Ximilar and says where to get a new one', async () => {
		const token = 'not-a-real-token-123';
		const result = await testCredential({ ...ctx.credentials, apiToken: token });
		expect(result.status).toBe('Error');
		// Ximilar's own text (Django REST framework's 401 body), quoted as it came.
		expect(result.message).toContain('Ximilar rejected the API token: "Invalid token." (HTTP 401).');
		expect(result.message).toContain('Account > Settings > API token');
		expect(result.message).not.toContain(token);
		expect(requests()).toEqual([['GET', '/account/v2/details/', 401]]);
	});

	it('quotes whatever Ximilar says for a 403, unchanged', async () => {
		const detail = 'You do not have permission to perform this action.';
		ctx.sim.queueFaults({ kind: 'status', status: 403, body: { detail } });
		const result = await testCredential(ctx.credentials);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`Ximilar rejected the API token: "${detail}" (HTTP 403).`);
	});

	it('never repeats the token, even when Ximilar echoes it', async () => {
		ctx.sim.queueFaults({ kind: 'status', status: 401, body: { detail: `Token ${ctx.sim.token} is not valid.` } });
		const result = await testCredential(ctx.credentials);
		expect(result.message).toContain(': "Token *** is not valid." (HTTP 401)');
		expect(result.message).not.toContain(ctx.sim.token);
	});

	it('says nothing listens at a wrong API URL', async () => {
		const url = `http://127.0.0.1:${await closedPort()}`;
		const result = await testCredential({ ...ctx.credentials, apiUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(`Could not reach ${url} (ECONNREFUSED): check the API URL. Leave API URL at https://api.ximilar.com unless you use a private Ximilar deployment.`);
	});

	it('says there is no Ximilar API when the URL points at something else', async () => {
		const notFound = await testCredential({ ...ctx.credentials, apiUrl: `${ctx.sim.url}/some/prefix` });
		expect(notFound.status).toBe('Error');
		expect(notFound.message).toMatch(/^No Ximilar API at http:\/\/127\.0\.0\.1:\d+\/some\/prefix \(HTTP 404 for \/account\/v2\/details\/\): check the API URL\./);

		const page = await webPage();
		try {
			const html = await testCredential({ ...ctx.credentials, apiUrl: page.url });
			expect(html.status).toBe('Error');
			expect(html.message).toContain(`${page.url} answered, but not as the Ximilar API: check the API URL.`);
		} finally {
			page.server.close();
		}
	});

	it('says an API URL without http(s):// is not a web address, without sending anything', async () => {
		const result = await testCredential({ ...ctx.credentials, apiUrl: 'api.ximilar.com' });
		expect(result.message).toContain('The API URL "api.ximilar.com" is not a web address (http:// or https://).');
		expect(ctx.sim.log).toHaveLength(0);
	});

	it('reports a Ximilar outage as such, with Ximilar\'s words', async () => {
		ctx.sim.queueFaults({ kind: 'status', status: 503 });
		const result = await testCredential(ctx.credentials);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Ximilar answered: ".+" \(HTTP 503\)\. Try the test again in a moment\.$/);
	});
});
