import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { headerNameProblem, headerValueProblem } from './headerValue';

/** The credential both the node's Webhook mode and the Ximilar Trigger read the callback's secret header from. */
export const WEBHOOK_CREDENTIAL = 'ximilarWebhookApi';

export interface WebhookSecret {
	headerName: string;
	secret: string;
}

const FIX = 'Open the Ximilar Webhook credential and enter a long random Secret (and a Header Name such as X-Ximilar-Webhook-Secret); the Ximilar node and the Ximilar Trigger use the same credential.';

/**
 * The secret header as the credential holds it, checked the same way for both nodes: an
 * empty secret would let anyone start the workflow, and a line break could not travel in a header.
 */
export async function readWebhookSecret(ctx: {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
}): Promise<WebhookSecret | { problem: string; fix: string }> {
	let credential: ICredentialDataDecryptedObject;
	try {
		credential = await ctx.getCredentials(WEBHOOK_CREDENTIAL);
	} catch {
		return { problem: 'No Ximilar Webhook credential is chosen', fix: FIX };
	}
	const headerName = String(credential.headerName ?? '').trim();
	const secret = String(credential.secret ?? '');
	if (secret.trim() === '') return { problem: 'The Secret of the Ximilar Webhook credential is empty', fix: FIX };
	const problem = headerNameProblem(headerName, 'Header Name of the Ximilar Webhook credential') ?? headerValueProblem(secret, 'The Secret of the Ximilar Webhook credential');
	return problem ? { problem, fix: FIX } : { headerName, secret };
}

/**
 * The credential's Test button (named by `testedBy` in both nodes): nothing to call at
 * Ximilar, so it checks what the callbacks depend on, the same way the runs do.
 */
export async function ximilarWebhookTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const read = await readWebhookSecret({ getCredentials: async () => credential.data ?? {} });
	if ('problem' in read) return { status: 'Error', message: `${read.problem}. ${read.fix}` };
	return { status: 'OK', message: `Callbacks must carry ${read.headerName} with this secret` };
}
