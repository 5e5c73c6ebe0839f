import type { IDataObject } from 'n8n-workflow';
import { type ServiceOptionKey } from './serviceOptions';
/**
 * How a service's result record is turned into the simplified, spreadsheet-ready output
 * (output/summaries/). Card kinds differ in their match fields (ximilar-shapes.md 1.2):
 * `collectible` picks the kind of each card from its Category tag.
 */
export type SummaryKind = 'tcgCard' | 'sportCard' | 'comic' | 'collectible' | 'slab' | 'tags' | 'objectTags' | 'metaTags' | 'colors' | 'classification' | 'detection' | 'removeBackground' | 'ocr' | 'ocrGpt' | 'raw';
export interface RecognitionService {
    /** Value of the node's "Service" parameter. */
    value: string;
    name: string;
    description: string;
    /** Path below the API URL; `custom` takes it from the "Endpoint Path" parameter. */
    path: string;
    /** Most records Ximilar accepts in one request to this service. */
    maxRecords: number;
    options: ServiceOptionKey[];
    summary: SummaryKind;
    /** Custom recognition and detection run a user's trained task: its ID is required. */
    needsTask?: boolean;
    /** OCR with GPT: each item's Prompt goes into its record as `prompt`. */
    needsPrompt?: boolean;
    /** Body fields always sent, e.g. asking for colour names where the docs show a flag (S12). */
    fixedFields?: IDataObject;
}
/** Adding a Ximilar service is one entry here: the UI, the request and the output follow. */
export declare const RECOGNITION_SERVICES: RecognitionService[];
export declare function findService(value: string): RecognitionService | undefined;
/** Records per request for this service with the chosen options (analyze_all 1, magic_ai 2, S2). */
export declare function recordLimit(service: RecognitionService, chosen: IDataObject): number;
