import { RECOGNITION_SERVICES, type SummaryKind } from './services';

/**
 * Services that run only as asynchronous jobs (POST /account/v2/request/ with a `type` and
 * an `endpoint`), docs/ximilar-api.md §4, §5 and §10. The UI, the request and the output follow
 * from these entries.
 */

export interface AsyncEndpoint {
	value: string;
	name: string;
	description: string;
}

export const CARD_GRADER_TYPE = 'card-grader';
export const UPSCALER_TYPE = 'upscaler';

/** Card grading: at most 2 records per job, the front and the back of one card. */
export const GRADING_MAX_RECORDS = 2;

export const GRADING_ENDPOINTS: AsyncEndpoint[] = [
	{
		value: 'grade',
		name: 'Grade',
		description: 'Full grading: corners, edges, surface, centering, final grade and condition',
	},
	{ value: 'condition', name: 'Condition', description: 'Condition label only (Near Mint, Played, Damaged, ...)' },
	{ value: 'centering', name: 'Centering', description: 'Left/right and top/bottom centering ratios and grade' },
	{ value: 'localize', name: 'Localize', description: 'Where the card, its corners and edges are in the photo' },
	{
		value: 'crop_level',
		name: 'Crop and Level',
		description: 'A cropped, straightened and levelled image of the card',
	},
];

export const UPSCALE_ENDPOINTS: AsyncEndpoint[] = [
	{ value: 'upscale_2x', name: '2x', description: 'Twice the width and height' },
	{ value: 'upscale_4x', name: '4x', description: 'Four times the width and height' },
	{ value: 'upscale_8x', name: '8x', description: 'Eight times the width and height' },
];

export const UPSCALE_MODES: AsyncEndpoint[] = [
	{ value: '', name: 'Ximilar Default', description: 'Let Ximilar choose (nothing is sent)' },
	{ value: 'artifact_removal', name: 'Artifact Removal', description: 'Clean up compression artifacts while upscaling' },
	{ value: 'ironed_out', name: 'Ironed Out', description: 'Smooth result, less noise and texture' },
	{ value: 'high_fidelity', name: 'High Fidelity', description: 'Keep as much detail of the original as possible' },
];

export const COLLECTIBLES_JOB_TYPE = 'collectibles-recognition';
export const FLOWS_JOB_TYPE = 'flows';

/** Job types the list filter offers (docs/ximilar-api.md §4). */
export const JOB_TYPES = [CARD_GRADER_TYPE, UPSCALER_TYPE, COLLECTIBLES_JOB_TYPE, FLOWS_JOB_TYPE];

/**
 * Job states (docs/ximilar-api.md §4): DONE is the only documented end of a job. CREATED and
 * PROCESSING are documented on the way; some clients also see PENDING and QUEUED [T]. No
 * failure state is documented, so any other word is not taken for an end: it is polled on.
 */
export const JOB_DONE_STATE = 'DONE';
export const JOB_PENDING_STATES = ['CREATED', 'PROCESSING', 'PENDING', 'QUEUED'];

/** How the records of a job are summarised: card grading, upscaling, or a recognition summary. */
export type JobSummary = 'grading' | 'upscale' | SummaryKind;

/**
 * The summary of a job's records by its type and endpoint (docs/ximilar-api.md §4): a
 * collectibles-recognition job answers like the synchronous endpoint it names (the endpoint
 * values are [G]: the synchronous names, e.g. tcg_id), a flows job like Run Flow. Undefined
 * for a type this node does not know, whose records are then read by their shape.
 */
export function jobSummary(type: unknown, endpoint: unknown): JobSummary | undefined {
	if (type === CARD_GRADER_TYPE) return 'grading';
	if (type === UPSCALER_TYPE) return 'upscale';
	if (type === FLOWS_JOB_TYPE) return 'flow';
	if (type !== COLLECTIBLES_JOB_TYPE) return undefined;
	const name = typeof endpoint === 'string' ? endpoint.replace(/^\/+|\/+$/g, '').split('/').pop() : undefined;
	// An endpoint this node does not list: the kind of each card comes from its Category tag.
	return RECOGNITION_SERVICES.find((service) => name !== undefined && service.path === `/collectibles/v2/${name}`)?.summary ?? 'collectible';
}

/**
 * Record fields that hold a result image URL (kept 24 h by Ximilar), in order of preference:
 * upscaler, crop and level [guess: field name undocumented], background removal.
 */
export const RESULT_IMAGE_KEYS = [
	'_upscaled_image_url',
	'_exact_url_card',
	'_output_url',
	'_output_url_whitebg',
	'_output_url_mask',
	'_full_url_card',
];
