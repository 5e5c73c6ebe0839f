import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';
/** getNodeParameter(name, itemIndex, fallback, options), read once when it holds no expression. */
export declare function itemParameter(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
