import type { IExecuteFunctions } from 'n8n-workflow';

import type { Outcome } from '../../execution/runRecords';
import type { JobSettings } from '../../execution/settings';
import { downloadResultImages, type DownloadedImages } from '../../jobs/downloadImages';
import { inputFileName } from '../../jobs/inputFileName';
import { textParameter } from '../../records/jsonObject';

/**
 * Background removal returns image URLs (kept 24 h): with Download Result Image on, each
 * becomes a file on its output item, named after the input file, as for async jobs.
 */
export async function downloadRecognizedImages(
	ctx: IExecuteFunctions,
	outcomes: Array<Outcome | undefined>,
	settings: JobSettings,
): Promise<DownloadedImages | undefined> {
	if (ctx.getNodeParameter('downloadResultImage', 0, false) !== true) return undefined;
	// The downloader reads records from `record.records`, as a job holds them.
	const asJobs = outcomes.map((outcome) => (outcome && 'record' in outcome ? { record: { records: [outcome.record] } } : outcome));
	const images = await downloadResultImages(ctx, asJobs, {
		property: textParameter(ctx.getNodeParameter('resultBinaryProperty', 0, 'data')) || 'data',
		suffix: 'no-background',
		baseName: (itemIndex) => inputFileName(ctx, itemIndex, 0),
		parallel: settings.parallel,
		timeoutMs: settings.policy.timeoutMs,
	});
	// A failed download made that item a failure: carry it back.
	asJobs.forEach((outcome, itemIndex) => {
		if (outcome && 'failure' in outcome) outcomes[itemIndex] = outcome;
	});
	return images;
}
