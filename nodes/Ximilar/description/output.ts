import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OutputChoice } from '../output/simplified';

/**
 * The one Output choice, declared here for every operation with a result to shape (and the
 * Trigger), read through `outputChosen`: Simplified (at most 10 fields, the default, as n8n's
 * nodes and AI tools offer it), All Columns (the flat spreadsheet row) and Raw (Ximilar's
 * answer). Where a row has at most 10 fields there is nothing to leave out, so the choice is
 * only Simplified or Raw.
 */
export const OUTPUT_PARAMETER = 'output';

/**
 * The toggle the Output choice replaced. A workflow saved with Simplify off keeps it (hidden)
 * and still gets Ximilar's raw answer. It is shown only while Output is at its default, so
 * choosing another output drops it from the workflow.
 */
const LEGACY_SIMPLIFY = 'simplify';

/** What each output holds for one operation, in words for the choice's descriptions. */
export interface OutputTexts {
	/** The fields of a simplified row (wide rows only). */
	simplified?: string;
	/** The columns of the flat row. */
	allColumns: string;
}

const RAW: INodePropertyOptions = {
	name: 'Raw',
	value: 'raw',
	description: 'The answer as Ximilar returned it, every field nested as it came',
};

function choices(texts: OutputTexts): INodePropertyOptions[] {
	if (!texts.simplified) {
		return [{ name: 'Simplified', value: 'simplified', description: `One flat row per image: ${texts.allColumns}` }, RAW];
	}
	return [
		{ name: 'Simplified', value: 'simplified', description: `At most 10 fields per image, the ones most mapped: ${texts.simplified}` },
		{ name: 'All Columns', value: 'allColumns', description: `One flat row per image with every column: ${texts.allColumns}` },
		RAW,
	];
}

/** The Output choice (and the hidden toggle it replaced), shown when `show` holds besides the operation's own condition. */
export function outputProperties(texts: OutputTexts, show: IDisplayOptions['show'] = {}): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: OUTPUT_PARAMETER,
			type: 'options',
			noDataExpression: true,
			options: choices(texts),
			default: 'simplified',
			description: 'Which fields each output item carries',
			displayOptions: { show },
		},
		{
			displayName: 'Simplify',
			name: LEGACY_SIMPLIFY,
			type: 'hidden',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
			displayOptions: { show: { ...show, [OUTPUT_PARAMETER]: ['simplified'] } },
		},
	];
}

/** What job results hold, for Grade Card, Job > Get, Job > List and the Trigger. */
export const JOB_OUTPUT: OutputTexts = {
	simplified: 'job ID, _id, side, final grade, corners, edges, surface, centering, condition, result image; card and flow jobs their own simplified fields',
	allColumns:
		'by the job\'s type: grades, centering ratios, condition and side for card grading; the result image URL for upscaling; card rows for card identification; labels and tags for flows',
};

/**
 * The output the user chose, from a getter of the node's parameters (the node's and the
 * Trigger's contexts read them differently). A workflow saved with the old Simplify toggle
 * off, and Output never changed, gets Raw as before.
 */
export function outputChosen(read: (name: string, fallback: unknown) => unknown): OutputChoice {
	const value = read(OUTPUT_PARAMETER, 'simplified');
	if (value === 'allColumns' || value === 'raw') return value;
	return read(LEGACY_SIMPLIFY, true) === false ? 'raw' : 'simplified';
}
