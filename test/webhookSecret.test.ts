/**
 * The webhook secret lives in a credential shared by the Ximilar node's Webhook mode and the
 * Ximilar Trigger: never in a node parameter (workflow JSON is exported and shared), entered
 * once, an empty one refused, and never shown again in a job's output.
 */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunction, INodeProperties } from 'n8n-workflow';

import { listingRow } from '../nodes/Ximilar/engine/jobs/listJobs';
import { XimilarTrigger } from '../nodes/XimilarTrigger/XimilarTrigger.node';
import { loadPackage } from './harness/package';

const { Ximilar, XimilarWebhookApi } = loadPackage();

/** Every parameter of a node, collection options included. */
function all(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((property) => [property, ...(property.type === 'collection' ? all((property.options ?? []) as INodeProperties[]) : [])]);
}

describe('the webhook secret', () => {
	it('is no parameter of either node: both name the one credential, tested by the same check', () => {
		const credential = new XimilarWebhookApi();
		for (const node of [new Ximilar(), new XimilarTrigger()]) {
			const names = all(node.description.properties).map((property) => property.name);
			expect(names.filter((name) => /secret/i.test(name) && !/notice/i.test(name))).toEqual([]);
			const entry = node.description.credentials?.find((candidate) => candidate.name === credential.name);
			expect(entry).toEqual(expect.objectContaining({ required: true, testedBy: 'ximilarWebhookTest' }));
			expect(node.methods?.credentialTest?.ximilarWebhookTest).toEqual(expect.any(Function));
		}
		const secret = credential.properties.find((property) => property.name === 'secret');
		expect(secret?.typeOptions?.password).toBe(true);
	});

	it('the credential Test refuses an empty secret or a bad header name, and accepts a good pair', async () => {
		const test = new Ximilar().methods?.credentialTest?.ximilarWebhookTest as ICredentialTestFunction;
		const run = async (data: Record<string, string>) =>
			await test.call(new CredentialTestContext(), { id: 'w', name: 'Ximilar webhook', type: 'ximilarWebhookApi', data });
		expect(await run({ headerName: 'X-Ximilar-Webhook-Secret', secret: '' })).toEqual({ status: 'Error', message: expect.stringMatching(/^The Secret of the Ximilar Webhook credential is empty\. /) });
		expect(await run({ headerName: 'X Secret', secret: 'long-random' })).toEqual({ status: 'Error', message: expect.stringContaining('is not a valid HTTP header name') });
		expect(await run({ headerName: 'X-Ximilar-Webhook-Secret', secret: 'long-random' })).toEqual({ status: 'OK', message: expect.stringContaining('X-Ximilar-Webhook-Secret') });
	});

	it('is cut from a listed job, should Ximilar list the webhook it was sent', () => {
		const row = listingRow({ id: 'j1', status: 'DONE', webhook: { endpoint: 'https://n8n.example/webhook/x', headers: { 'X-Ximilar-Webhook-Secret': 'pssst' } } });
		expect(row).toEqual({ jobId: 'j1', status: 'DONE', webhook: { endpoint: 'https://n8n.example/webhook/x' } });
	});
});
