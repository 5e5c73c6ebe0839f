import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunction, INodeCredentialTestResult } from 'n8n-workflow';

import { loadPackage } from './package';

/**
 * What n8n's credential tester (packages/cli credentials-tester.service.ts, 1.x and 2.x)
 * runs when a user presses Test: a credential with its own declarative `test` wins;
 * otherwise the node that names the credential with `testedBy` supplies the function
 * `methods.credentialTest[testedBy]`, called with n8n-core's CredentialTestContext.
 */
export function findCredentialTest(): ICredentialTestFunction {
	const { Ximilar, XimilarApi } = loadPackage();
	if ((new XimilarApi() as { test?: unknown }).test) {
		throw new Error('XimilarApi declares a `test`: n8n would run it instead of the node\'s testedBy method');
	}
	const node = new Ximilar();
	const entry = node.description.credentials?.find((credential) => credential.name === 'ximilarApi');
	const testedBy = entry?.testedBy;
	if (typeof testedBy !== 'string') throw new Error('the node does not name a testedBy method for ximilarApi');
	const tests: Record<string, ICredentialTestFunction> = node.methods?.credentialTest ?? {};
	const test = tests[testedBy];
	if (!test) throw new Error(`the node has no methods.credentialTest.${testedBy}`);
	return test;
}

export async function testCredential(data: { apiToken: string; apiUrl: string }): Promise<INodeCredentialTestResult> {
	const test = findCredentialTest();
	return await test.call(new CredentialTestContext(), { id: 'test', name: 'Ximilar account', type: 'ximilarApi', data });
}
