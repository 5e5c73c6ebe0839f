import type { IExecuteFunctions } from 'n8n-workflow';

import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { textParameter } from './jsonObject';

/** Item i's Job ID, checked before any request. */
export function readJobId(ctx: IExecuteFunctions, itemIndex: number): { jobId: string } | { failure: ItemFailure } {
	// A job picked from the list or given by ID; an older workflow's plain text is read as it is.
	const jobId = textParameter(ctx.getNodeParameter('jobId', itemIndex, '', { extractValue: true }));
	if (!jobId) return { failure: inputFailure('Job is empty', 'Pick the job from the list, or map the jobId field a Grade Card or Upscale operation output (By ID).') };
	if (/[\s/?#]/.test(jobId)) return { failure: inputFailure(`"${jobId.slice(0, 80)}" is not a job ID`, 'A job ID looks like 3f1c2a4e-8d2b-4a57-9a0e-2b4c1f0d9e11.') };
	return { jobId };
}
