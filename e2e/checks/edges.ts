/**
 * Checks for e2e/workflows/edges.json, in a real n8n: against a quota spent for an hour, 20
 * items end at once, each saying when Ximilar accepts again; an API URL that redirects to
 * another host is not followed (the token stays), and the error names where it points. The
 * redirect runs first: once Ximilar has refused the account for an hour, the node sends none
 * of the account's requests before then, and both nodes use the same account.
 */
import type { XimilarSimulator } from '../../test/simulator';
import { show } from '../lib/report';
import type { Run } from '../lib/testRun';

const QUOTA = '/e2e/quota-spent/tcg_id';
const MOVED = '/e2e/moved/tcg_id';
const TARGET = '/e2e/redirect-target';

/** Before each run: every request to the quota path is answered 429 for an hour; the moved path redirects to another host. */
export async function setUpEdges(sim: XimilarSimulator): Promise<void> {
	const elsewhere = sim.url.replace('127.0.0.1', 'localhost');
	sim.queueFaultsFor(QUOTA, ...Array.from({ length: 20 }, () => ({ kind: 'status' as const, status: 429, retryAfter: '3600' })));
	sim.queueFaultsFor(MOVED, ...Array.from({ length: 20 }, () => ({ kind: 'status' as const, status: 307, body: {}, headers: { Location: `${elsewhere}${TARGET}` } })));
}

export function verifyEdges(run: Run): void {
	const refused = run.output('Quota Spent');
	run.check(
		'Quota Spent: 20 items, each refused with when Ximilar accepts again',
		refused.length === 20 && refused.every((item) => /^Ximilar's rate limit or quota refused the request: Ximilar accepts requests again in (59|60) min \(at .+ UTC\) \[item \d+\]$/.test(String(item.json.error))),
		show(refused.slice(0, 3).map((item) => item.json)),
	);
	run.check('Quota Spent: the other requests were not sent once Ximilar named the hour (at most 2 sent)', run.requestsTo(QUOTA).length <= 2, show(run.requestsTo(QUOTA)));
	const time = run.executionTime('Quota Spent') ?? Infinity;
	run.check(`Quota Spent: the node ended in ${time} ms, not after hours of waiting`, time < 60_000);
	const moved = run.output('API URL Redirects');
	run.check(
		'API URL Redirects: each item says where the API URL points and to put it in the credential',
		moved.length === 20 && moved.every((item) => /^The API URL redirects to http:\/\/localhost:\d+: put that URL in the credential \[item \d+\]$/.test(String(item.json.error))),
		show(moved.slice(0, 2).map((item) => item.json)),
	);
	run.equal('API URL Redirects: nothing followed the redirect (no request reached its target)', run.requestsTo(TARGET).length, 0);
}
