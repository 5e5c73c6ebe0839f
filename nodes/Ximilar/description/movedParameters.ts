import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Parameters that moved into Options. n8n keeps only the parameters a node declares, so each
 * keeps a hidden twin where it was: a workflow saved before the move still sends its value.
 */
export function movedParameter(name: string, defaultValue: string | boolean): INodeProperties {
	return { displayName: name, name, type: 'hidden', default: defaultValue };
}

/** Where to read a moved parameter: in Options once the user added it there, else where an older workflow saved it. */
export function movedParameterPath(ctx: IExecuteFunctions, name: string): string {
	const options = ctx.getNode().parameters.options;
	const added = typeof options === 'object' && options !== null && !Array.isArray(options) && name in options;
	return added ? `options.${name}` : name;
}
