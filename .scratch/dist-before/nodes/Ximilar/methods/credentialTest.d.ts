import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
/**
 * The credential's Test button (wired through `testedBy` on the node). n8n's own tester
 * shows a declarative test rule only when its error carries an HTTP response, so a wrong
 * token ended up as n8n's generic "Authorization failed"; this method answers in words
 * for every case: the token rejected (with Ximilar's `detail` as it came), no Ximilar at
 * the API URL, or the URL not reachable.
 */
export declare function ximilarApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult>;
