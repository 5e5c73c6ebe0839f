import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { CollectionType } from '../../catalog/collections';
import { readSettings, type JobSettings } from '../../execution/settings';
import { pairFailureForAll } from '../../output/pairItems';
import { getConnection, type Connection } from '../../transport/request';
import { readCollectionType } from './target';

/**
 * What Search and the upkeep operations read once per run: the settings, the collection
 * type and the connection; or, when a setting is wrong, the output failing every item.
 */
export async function startCollectionRun(
	ctx: IExecuteFunctions,
): Promise<{ settings: JobSettings; type: CollectionType; connection: Connection } | { output: INodeExecutionData[] }> {
	const read = readSettings(ctx);
	if ('failure' in read) return { output: pairFailureForAll(ctx, read.failure) };
	const collection = readCollectionType(ctx);
	if ('failure' in collection) return { output: pairFailureForAll(ctx, collection.failure) };
	return { settings: read.settings, type: collection.type, connection: await getConnection(ctx) };
}
