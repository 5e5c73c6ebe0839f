import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
/** The header the node sends with a webhook job and the Ximilar Trigger checks. */
export declare const DEFAULT_SECRET_HEADER = "X-Ximilar-Webhook-Secret";
export declare const OUTPUT_OPTION: INodeProperties;
/** Where the result image goes: shared by Grade Card (Crop and Level), Upscale and Job > Get. */
export declare function downloadProperties(show: IDisplayOptions['show'], defaultOn: boolean): INodeProperties[];
/** Result mode, webhook and waiting parameters of an operation that runs as an async job. */
export declare function asyncJobProperties(show: IDisplayOptions['show']): INodeProperties[];
/** Options of an async operation (the request ones it uses, and the output shape). */
export declare function asyncOptions(show: IDisplayOptions['show']): INodeProperties;
