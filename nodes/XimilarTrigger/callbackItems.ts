import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { JOB_ENDPOINT_HEADER, JOB_TYPE_HEADER } from '../Ximilar/description/asyncJob';
import { isObject, objects } from '../Ximilar/json/read';
import { answerFlags, jobRows, type JobKind } from '../Ximilar/output/jobRows';
import { MAX_ANSWER_DEPTH, tooDeep } from '../Ximilar/transport/responses';
import type { OutputChoice } from '../Ximilar/output/simplified';

/** A header's value, however the web server handed it over (names lower-cased, repeated ones as a list). */
function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first !== '' ? first : undefined;
}

/**
 * What the job was: the callback carries only `{id, status, response}`, so the type and
 * endpoint come from the headers the Ximilar node put on the job's webhook (Ximilar sends
 * them back, docs/ximilar-api.md §4). Without them the records are read by their shape.
 */
export function callbackKind(headers: IDataObject, response: unknown): JobKind {
	return { type: header(headers, JOB_TYPE_HEADER), endpoint: header(headers, JOB_ENDPOINT_HEADER), flags: answerFlags(response) };
}

/**
 * Ximilar's callback `{id, status, response}` (docs/ximilar-api.md, "Asynchronous API") as
 * items: one per record of `response.records` (per card with Analyze All Cards), each with
 * the job ID and status, summarised by the job's type; a job without records gives one item
 * saying so, so that it is seen rather than lost.
 */
export function callbackItems(body: unknown, output: OutputChoice, headers: IDataObject = {}): INodeExecutionData[] {
	const payload = isObject(body) ? body : {};
	const common = { jobId: isObject(payload.id) ? null : (payload.id ?? null), jobStatus: isObject(payload.status) ? null : (payload.status ?? null) };
	// A callback nested beyond reason is not walked (nor handed on to n8n, which would walk it).
	if (tooDeep(body)) return [{ json: { ...common, error: `The callback could not be read: it is nested deeper than ${MAX_ANSWER_DEPTH} levels` } }];
	const records = objects(isObject(payload.response) ? payload.response.records : undefined);
	if (records.length === 0) {
		return [{ json: { ...common, error: `The job came back with status ${String(payload.status)} and no records` } }];
	}
	return jobRows(common, records, output, callbackKind(headers, payload.response)).map((json) => ({ json }));
}
