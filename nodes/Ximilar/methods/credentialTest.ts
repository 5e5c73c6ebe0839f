import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { headerValueProblem } from '../records/headerValue';
import { apiBaseUrl, DEFAULT_API_URL } from '../transport/apiUrl';
import { describeFailure, readBody } from '../transport/responses';

/** Free of charge: the credential test never spends a credit. */
const ACCOUNT_PATH = '/account/v2/details/';
const WHERE_TO_GET_A_TOKEN =
	'Copy a new token from the Ximilar App (app.ximilar.com: Account > Settings > API token) and paste it here.';
const KEEP_THE_DEFAULT_URL = `Leave API URL at ${DEFAULT_API_URL} unless you use a private Ximilar deployment.`;

interface FullResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

/** The network code of a request that got no answer (ENOTFOUND, ECONNREFUSED, ...). */
function networkCode(error: unknown): string | undefined {
	const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	for (const value of [code, cause?.code]) if (typeof value === 'string' && value !== '') return value;
	return undefined;
}

/**
 * The credential's Test button (wired through `testedBy` on the node). n8n's own tester
 * shows a declarative test rule only when its error carries an HTTP response, so a wrong
 * token ended up as n8n's generic "Authorization failed"; this method answers in words
 * for every case: the token rejected (with Ximilar's `detail` as it came), no Ximilar at
 * the API URL, or the URL not reachable.
 */
export async function ximilarApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const token = String(data.apiToken ?? '').trim();
	const baseUrl = apiBaseUrl(data.apiUrl);
	if (token === '') return fail(`Enter your Ximilar API token. ${WHERE_TO_GET_A_TOKEN}`);
	const tokenProblem = headerValueProblem(token, 'The API token');
	if (tokenProblem) return fail(`${tokenProblem}. ${WHERE_TO_GET_A_TOKEN}`);
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		return fail(`The API URL "${baseUrl}" is not a web address (http:// or https://). ${KEEP_THE_DEFAULT_URL}`);
	}

	// A credential test gets only the legacy `request` helper from n8n (no httpRequest,
	// no authenticate block), in n8n 1.x and 2.x alike. n8n's lint rule flags
	// `this.helpers.request` as deprecated and suggests httpRequest, which this context
	// does not offer; n8n's own credentialTest methods use `request` for the same reason.
	const helpers = this.helpers;
	let response: FullResponse;
	try {
		response = (await helpers.request({
			method: 'GET',
			uri: `${baseUrl}${ACCOUNT_PATH}`,
			headers: { Authorization: `Token ${token}`, Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: 20_000,
			// The token goes only to the API URL's host: a redirect is reported, never followed.
			followRedirect: false,
			followAllRedirects: false,
			sendCredentialsOnCrossOriginRedirect: false,
		})) as FullResponse;
	} catch (error) {
		const code = networkCode(error);
		return fail(`Could not reach ${baseUrl}${code ? ` (${code})` : ''}: check the API URL. ${KEEP_THE_DEFAULT_URL}`);
	}

	const result = readBody(response, token);
	if (result.kind === 'redirect') {
		const failure = describeFailure(result, { baseUrl, path: ACCOUNT_PATH }, { timeoutMs: 20_000, retryMayBill: false, free: true }, 1, token);
		return fail(`${failure.message}. ${failure.description ?? ''}`.trim());
	}
	if (result.kind === 'ok') {
		// Ximilar's account details always name the account; any other JSON is some other service.
		if ('id' in result.body || 'email' in result.body) return { status: 'OK', message: 'Connection successful!' };
		return fail(`${baseUrl} answered, but not as the Ximilar API: check the API URL. ${KEEP_THE_DEFAULT_URL}`);
	}
	if (result.kind !== 'http') {
		return fail(`${baseUrl} answered, but not as the Ximilar API: check the API URL. ${KEEP_THE_DEFAULT_URL}`);
	}
	// Ximilar's own words, as they came (minus the token, should they ever echo it).
	const said = result.text ? `: "${result.text.split(token).join('***')}"` : '';
	if (result.status === 401 || result.status === 403) {
		return fail(`Ximilar rejected the API token${said} (HTTP ${result.status}). ${WHERE_TO_GET_A_TOKEN}`);
	}
	if (result.status === 404 || result.status === 405) {
		return fail(`No Ximilar API at ${baseUrl} (HTTP ${result.status} for ${ACCOUNT_PATH}): check the API URL. ${KEEP_THE_DEFAULT_URL}`);
	}
	return fail(`Ximilar answered${said} (HTTP ${result.status}). Try the test again in a moment.`);
}
