import type { INodeExecutionData } from 'n8n-workflow';

import { isObject, objects } from '../Ximilar/json/read';
import { jobRows } from '../Ximilar/output/jobRows';

/**
 * Ximilar's callback `{id, status, response}` (docs/ximilar-api.md, "Asynchronous API") as
 * items: one per record of `response.records`, each with the job ID and status; a job
 * without records gives one item saying so, so that a failed job is seen rather than lost.
 */
export function callbackItems(body: unknown, simplify: boolean): INodeExecutionData[] {
	const payload = isObject(body) ? body : {};
	const common = { jobId: payload.id ?? null, jobStatus: payload.status ?? null };
	const records = objects(isObject(payload.response) ? payload.response.records : undefined);
	if (records.length === 0) {
		return [{ json: { ...common, error: `The job came back with status ${String(payload.status)} and no records` } }];
	}
	return jobRows(common, records, simplify).map((json) => ({ json }));
}
