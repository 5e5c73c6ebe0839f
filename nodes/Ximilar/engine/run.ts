import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { pairFailureForAll } from '../output/pairItems';
import { headerValueProblem } from '../records/headerValue';
import { getConnection, type Connection } from '../transport/request';
import { readSettings, type RunSettings } from './settings';

const TOKEN_FIX = 'Copy the token again from the Ximilar App (Account > Settings > API token) and paste it into the credential.';

/** What every operation reads once before its items: the Options and the credential. */
export interface Run {
	settings: RunSettings;
	connection: Connection;
}

/**
 * The one run preamble: the Options, whatever else the operation reads once for the whole
 * run (`readMore`: the service, the collection type, ...), then the credential. A wrong
 * setting fails every item at once, paired, without any request: the caller returns `output`.
 */
export async function startRun<T extends object = object>(
	ctx: IExecuteFunctions,
	readMore?: () => T | { failure: ItemFailure } | Promise<T | { failure: ItemFailure }>,
): Promise<(Run & T) | { output: INodeExecutionData[] }> {
	const read = readSettings(ctx);
	if ('failure' in read) return { output: pairFailureForAll(ctx, read.failure) };
	const more = readMore ? await readMore() : ({} as T);
	if ('failure' in more) return { output: pairFailureForAll(ctx, more.failure) };
	const connection = await getConnection(ctx);
	const tokenProblem = headerValueProblem(connection.secret, 'The API token in the Ximilar credential');
	if (tokenProblem) return { output: pairFailureForAll(ctx, inputFailure(tokenProblem, TOKEN_FIX)) };
	return { ...more, settings: read.settings, connection };
}
