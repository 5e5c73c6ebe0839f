import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { connectionFrom, requestXimilar, type RequestPolicy } from '../transport/request';

/** Lists in the panel wait for no one: a few quick tries, no rate-limit waits worth a user's patience. */
const LIST_POLICY: RequestPolicy = { timeoutMs: 20_000, maxRetries: 2, retryMayBill: false, maxWaitMs: 10_000 };

/**
 * One page of a list the panel shows (the account's tasks, flows): through the node's own
 * transport, so the token goes only to the API URL's host (no redirect is followed) and a
 * transient failure is retried (listing costs nothing). A failure is shown in the list.
 */
export async function listPage(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject): Promise<IDataObject> {
	const connection = connectionFrom(await ctx.getCredentials('ximilarApi'));
	const result = await requestXimilar(ctx, connection, { method: 'GET', path, qs, free: true }, LIST_POLICY);
	if ('body' in result) return result.body;
	const failure = 'failure' in result ? result.failure : { message: 'The list was not loaded', description: undefined };
	throw new NodeOperationError(ctx.getNode(), failure.message, { description: failure.description });
}
