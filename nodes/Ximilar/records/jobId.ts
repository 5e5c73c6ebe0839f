import type { IExecuteFunctions } from 'n8n-workflow';

import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { textParameter } from './jsonObject';

/** Item i's Job ID, checked before any request. */
export function readJobId(ctx: IExecuteFunctions, itemIndex: number): { jobId: string } | { failure: ItemFailure } {
	const jobId = textParameter(ctx.getNodeParameter('jobId', itemIndex, ''));
	if (!jobId) return { failure: inputFailure('Job ID is empty', 'Map the jobId field a Grade Card or Upscale operation output.') };
	if (/[\s/?#]/.test(jobId)) return { failure: inputFailure(`"${jobId.slice(0, 80)}" is not a job ID`, 'A job ID looks like 3f1c2a4e-8d2b-4a57-9a0e-2b4c1f0d9e11.') };
	return { jobId };
}
