import type { ICredentialTestRequest, INodeType } from 'n8n-workflow';

import { runNode } from './engine';
import { loadPackage } from './package';

interface AxiosLikeCause {
	response?: { status: number; statusText?: string };
	code?: string;
}

type TestError = Error & { cause?: AxiosLikeCause; httpCode?: string | null };

/**
 * n8n's verdict on a failed test request (packages/cli credentials-tester.service.ts).
 * The tester reads the status from the axios error; the engine hands us the error
 * serialised, where the same status is kept as `httpCode`.
 */
function verdict(test: ICredentialTestRequest, error: TestError) {
	const status = error.cause?.response?.status ?? (error.httpCode ? Number(error.httpCode) : undefined);
	if (status !== undefined) {
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status) return rule.properties.message;
		}
		return error.cause?.response?.statusText || `Received HTTP status code: ${status}`;
	}
	return error.cause?.code ?? error.message;
}

/**
 * Runs the credential's test request the way n8n's credential tester does: as the
 * routing of a declarative node (so n8n resolves the expressions in `test.request` and
 * applies `authenticate`), then the tester's rules decide the message.
 */
export async function testCredential(credentials: { apiToken: string; apiUrl: string }) {
	const { XimilarApi } = loadPackage();
	const { test } = new XimilarApi();
	const tester: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential Test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'ximilarApi', required: true }],
			properties: [
				{ displayName: 'Test', name: 'test', type: 'hidden', default: '', routing: { request: test.request } },
			],
		},
	};
	const result = await runNode({ parameters: {}, credentials, nodeType: tester });
	if (result.error) {
		return { ok: false, message: verdict(test, result.error as TestError) };
	}
	return { ok: true, message: 'Connection successful!', json: result.main[0]?.json };
}
