import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemFailure, Outcome } from '../failures/itemFailure';
import { isObject, objects } from '../json/read';

/**
 * Answers for an AI agent, when the node runs as its tool variant (`ximilarTool`): one
 * compact row per image with what the agent can use, and a failure as one sentence in
 * `{ error }` instead of a thrown error (an MCP client would get n8n's stack trace with it).
 */

/** n8n names the tool variant of a node `<node>Tool`, the same test its `@tool` display option makes. */
export function isToolCall(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** Bookkeeping a spreadsheet wants and an agent does not: request ids, echoed URL, raw distance, boxes. */
const DROPPED = ['_status', 'status_code', '_url', '_width', '_height', 'distance', 'link_site', 'detections', 'cards_found'];
const ALTERNATIVES_SHOWN = 3;
const LABELS_SHOWN = 3;

const isEmpty = (value: unknown): boolean =>
	value === null ||
	value === undefined ||
	value === '' ||
	(Array.isArray(value) && value.length === 0) ||
	(isObject(value) && Object.keys(value).length === 0);

/** Names of the closest alternatives Ximilar gave for the identified object, best first. */
function alternativeNames(record: IDataObject): string[] {
	const identification = objects(record._objects)
		.map((object) => object._identification)
		.find(isObject);
	return objects(identification?.alternatives)
		.map((match) => match.full_name ?? match.name)
		.filter((name): name is string => typeof name === 'string' && name !== '')
		.slice(0, ALTERNATIVES_SHOWN);
}

/**
 * The compact row of one image, made from its simplified row: no `_id` unless one was
 * sent (Ximilar otherwise makes one up), no empty fields, alternatives by name only when
 * the match is not a confident one.
 */
export function agentRow(simplified: IDataObject, record: IDataObject, keepId: boolean): IDataObject {
	const row: IDataObject = {};
	for (const [key, value] of Object.entries(simplified)) {
		if (DROPPED.includes(key) || (key === '_id' && !keepId) || isEmpty(value)) continue;
		row[key] = value;
	}
	if ('alternatives' in row) {
		const names = row.confidence === 'high' ? [] : alternativeNames(record);
		if (names.length) row.alternatives = names;
		else delete row.alternatives;
	}
	if (Array.isArray(row.labels)) row.labels = row.labels.slice(0, LABELS_SHOWN);
	return row;
}

/** A failure as the one sentence an agent reads: no item number, no word about other items of a batch. */
export function agentError(failure: ItemFailure): IDataObject {
	const trimmed = failure.message.trim();
	// Messages are written in lower case, to be capitalised where they are shown; alone they start a sentence.
	const sentence = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
	return { error: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
}

/** Outputs of a tool call: every item answered at its own position, paired, failures included. */
export function agentOutputs(
	outcomes: Array<Outcome | undefined>,
	shape: (record: IDataObject, itemIndex: number) => IDataObject[],
	notProcessed: ItemFailure,
): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		const pairedItem = { item: itemIndex };
		if (!outcome || 'failure' in outcome) {
			output.push({ json: agentError(outcome?.failure ?? notProcessed), pairedItem });
			continue;
		}
		for (const json of shape(outcome.record, itemIndex)) output.push({ json, pairedItem });
	}
	return output;
}
