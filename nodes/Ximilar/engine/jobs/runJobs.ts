import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WEBHOOK_DONE_ONLY } from '../../description/asyncJob';
import { thrownFailure, type ItemFailure, type Outcome } from '../../failures/itemFailure';
import type { Connection, RequestPolicy } from '../../transport/request';
import { runPool } from '../workerPool';
import { submitJob } from './jobApi';
import { jobRecords } from './jobState';
import { waitForJob } from './waitForJob';

/** How the node hands back a job's result: waits for it, only submits, or lets Ximilar call a webhook. */
export type ResultMode = 'wait' | 'submit' | 'webhook';

export interface JobRun {
	itemCount: number;
	/** Item i's job body (`type`, `endpoint`, `records`, service fields), or why it cannot be sent. */
	prepare(itemIndex: number): Promise<{ body: IDataObject } | { failure: ItemFailure }>;
	mode: ResultMode;
	/** Most jobs in flight at once (submitted and not yet finished). */
	parallel: number;
	policy: RequestPolicy;
	/** Wait mode: how long to wait for each job. */
	waitMs: number;
	stopOnFailure: boolean;
	signal?: AbortSignal;
}

/**
 * What an item's job came to. Submit and webhook modes: `{jobId, status, type, endpoint}`
 * (webhook mode adds `callback`: Ximilar calls back on DONE only).
 * Wait mode: the same plus `records`, the records Ximilar returned for the item's images,
 * and `flags`, what the job's answer echoes beside them.
 */
export async function runJobs(ctx: IExecuteFunctions, connection: Connection, run: JobRun): Promise<Array<Outcome | undefined>> {
	const runItem = async (itemIndex: number): Promise<Outcome> => {
		let prepared;
		try {
			prepared = await run.prepare(itemIndex);
		} catch (error) {
			return { failure: thrownFailure(error) };
		}
		if ('failure' in prepared) return prepared;
		const submitted = await submitJob(ctx, connection, prepared.body, run.policy);
		if ('failure' in submitted) return submitted;
		const id = submitted.body.id;
		const jobId = typeof id === 'string' || typeof id === 'number' ? String(id).trim() : '';
		if (!jobId || /[\s/?#]/.test(jobId)) {
			const description = 'The job may exist (and be billed): look for it with Job > List before running this item again.';
			return { failure: { kind: 'api', message: 'Ximilar accepted the job but sent no readable job ID', description } };
		}
		const summary: IDataObject = {
			jobId,
			status: submitted.body.status ?? null,
			type: prepared.body.type as string,
			endpoint: prepared.body.endpoint as string,
		};
		// A failed job never calls back (docs/ximilar-api.md §4): the submit output says so, where the user looks.
		if (run.mode === 'webhook') summary.callback = WEBHOOK_DONE_ONLY;
		if (run.mode !== 'wait') return { record: summary };
		const waited = await waitForJob(ctx, connection, jobId, { policy: run.policy, waitMs: run.waitMs, signal: run.signal });
		if ('failure' in waited) return waited;
		const result = jobRecords(waited.job, jobId);
		if ('failure' in result) return result;
		return { record: { ...summary, status: waited.job.status, records: result.records, flags: result.flags } };
	};

	// An answer the node cannot read fails only its item, worded; the job may exist, so say where to look.
	const runItemSafely = async (itemIndex: number): Promise<Outcome> => {
		try {
			return await runItem(itemIndex);
		} catch (error) {
			const failure = thrownFailure(error, 'api');
			const description = 'Ximilar\'s answer about this job could not be read. The job may have been created (and billed): look for it with Job > List before running this item again.';
			return { failure: { ...failure, message: `Ximilar's answer could not be read: ${failure.message}`, description, thrown: undefined } };
		}
	};

	// The next item's job starts when one is finished: at most `parallel` jobs at once.
	return await runPool(run.itemCount, runItemSafely, {
		parallel: run.parallel,
		signal: run.signal,
		stopAfter: (outcome) => run.stopOnFailure && 'failure' in outcome,
	});
}
