import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
/** Job > Get: the result of a job, one output per image, as Grade Card or Upscale would output it. */
export declare function getJobResult(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
