/**
 * The Flow field's list as the editor asks n8n for it: n8n's REST endpoint for resource-locator
 * results runs the node's `searchFlows` with the stored credential, against the simulator.
 */
import { FLOWS } from '../../test/simulator';
import { NODE_TYPE } from '../lib/config';
import { check, checkEqual, show } from '../lib/report';
import type { N8nServer } from './n8nServer';

interface ListResult {
	results: Array<{ name: string; value: string; description?: string }>;
	paginationToken?: unknown;
}

export async function checkFlowList(server: N8nServer, credential: { id: string; name: string }): Promise<void> {
	const ask = async (paginationToken?: unknown) =>
		await server.rest<ListResult>('POST', '/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.flow',
			methodName: 'searchFlows',
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			currentNodeParameters: { resource: 'image', operation: 'runFlow', flow: { __rl: true, mode: 'list', value: '' } },
			credentials: { ximilarApi: { id: credential.id, name: credential.name } },
			...(paginationToken !== undefined ? { paginationToken } : {}),
		});
	const first = await ask();
	check('browser: the Flow list through n8n\'s REST API: a first page and a token for the next', first.results.length > 0 && first.paginationToken === '2', show(first));
	const second = await ask(first.paginationToken);
	const names = [...first.results, ...second.results].map((flow) => flow.name).sort();
	checkEqual(
		'browser: the Flow list through n8n\'s REST API: every flow of the account, an invalid one marked',
		names,
		FLOWS.map((flow) => (flow.valid ? flow.name : `${flow.name} (not valid)`)).sort(),
	);
}
