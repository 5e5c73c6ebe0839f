/**
 * The subtitle n8n shows under the node on the canvas, made from the node's own lists: the
 * operation's name by "resource.operation", and for Recognize, Grade Card and Upscale the
 * name of what they were set to do ("Recognize: Trading Card Identification"). n8n evaluates
 * the subtitle as an expression where `$parameter` holds values, not the names the panel
 * shows, so the expression carries the names. n8n's lint wants the subtitle as a string
 * literal in the node class: the node holds this expression verbatim, and a test compares.
 */
import { GRADING_ENDPOINTS, UPSCALE_ENDPOINTS } from '../../nodes/Ximilar/catalog/asyncServices';
import { RECOGNITION_SERVICES } from '../../nodes/Ximilar/catalog/services';

type Named = { name: string; value: string };

/** How an operation reads on the canvas when its own name is too short to tell, by "resource.operation". */
const LABELS: Record<string, string> = {
	'account.getDetails': 'Get Account Details',
	'collection.search': 'Search Collection',
	'collection.insert': 'Insert into Collection',
	'collection.update': 'Update in Collection',
	'collection.delete': 'Delete from Collection',
	'collection.get': 'Get from Collection',
	'collection.getAll': 'Get Many from Collection',
	'job.get': 'Get Job',
	'job.getStatus': 'Get Job Status',
	'job.list': 'List Jobs',
};

/** The parameter whose choice follows the operation's name, with its choices' names. */
const DETAILS: Record<string, { parameter: string; names: Named[] }> = {
	'image.recognize': { parameter: 'service', names: RECOGNITION_SERVICES },
	'image.gradeCard': { parameter: 'gradingEndpoint', names: GRADING_ENDPOINTS },
	'image.upscale': { parameter: 'upscaleEndpoint', names: UPSCALE_ENDPOINTS },
};

/** The subtitle expression for these operations (resource value and operation option, as the Operation lists hold them). */
export function subtitleExpression(operations: Array<{ resource: string; option: Named }>): string {
	const labels: Record<string, string> = {};
	for (const { resource, option } of operations) {
		const key = `${resource}.${option.value}`;
		labels[key] = LABELS[key] ?? option.name;
	}
	const parameters: Record<string, string> = {};
	const names: Record<string, string> = {};
	for (const [key, detail] of Object.entries(DETAILS)) {
		parameters[key] = detail.parameter;
		for (const { name, value } of detail.names) names[`${detail.parameter}.${value}`] = `: ${name}`;
	}
	const key = '$parameter["resource"] + "." + $parameter["operation"]';
	const parameter = `${JSON.stringify(parameters)}[${key}]`;
	// Flat object literals only: n8n's expression ends at the first "}}".
	return `={{ (${JSON.stringify(labels)}[${key}] || $parameter["operation"]) + (${JSON.stringify(names)}[${parameter} + "." + $parameter[${parameter}]] || "") }}`;
}
