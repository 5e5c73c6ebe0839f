import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Outcome } from '../../execution/runRecords';

import { readSettings, type JobSettings } from '../../execution/settings';
import { pairFailureForAll } from '../../output/pairItems';
import { getConnection, type Connection } from '../../transport/request';
import { forEachItem } from './eachItem';
import { readJobId } from './jobId';

/**
 * What Job > Get and Get Status share: the run's settings and connection read once, then `work`
 * for every item whose Job ID is well formed (a bad one fails that item before any request).
 */
export async function forEachJobId(
	ctx: IExecuteFunctions,
	work: (jobId: string, connection: Connection, settings: JobSettings) => Promise<Outcome>,
): Promise<{ settings: JobSettings; outcomes: Array<Outcome | undefined> } | { output: INodeExecutionData[] }> {
	const read = readSettings(ctx);
	if ('failure' in read) return { output: pairFailureForAll(ctx, read.failure) };
	const { settings } = read;
	const connection = await getConnection(ctx);
	const outcomes = await forEachItem(ctx, settings.parallel, async (itemIndex) => {
		const id = readJobId(ctx, itemIndex);
		if ('failure' in id) return id;
		return await work(id.jobId, connection, settings);
	});
	return { settings, outcomes };
}
