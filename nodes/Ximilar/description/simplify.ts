import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** The one Simplify toggle: declared here for every operation with an output to simplify (and the Trigger), read through `simplifyChosen`. */
export const SIMPLIFY_PARAMETER = 'simplify';

/** The toggle, saying what the simplified row holds for this operation. */
export function simplifyProperty(rowHolds: string, show?: IDisplayOptions['show']): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Simplify',
		name: SIMPLIFY_PARAMETER,
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data: ${rowHolds}`,
	};
	return show ? { ...property, displayOptions: { show } } : property;
}

/** What job results hold when simplified: shared by Grade Card, Upscale, Job > Get and the Trigger. */
export const JOB_ROW_HOLDS =
	'one flat row per image, by the job\'s type: grades, centering ratios, condition and side for card grading; the result image URL for upscaling; card rows for card identification; labels and tags for flows';

/** The value read from the parameter: on unless turned off. */
export function simplifyChosen(value: unknown): boolean {
	return value !== false;
}
