/**
 * Services that run only as asynchronous jobs (POST /account/v2/request/ with a `type` and
 * an `endpoint`), shapes sections 2, 3 and 8. The UI, the request and the output follow
 * from these entries.
 */
export interface AsyncEndpoint {
    value: string;
    name: string;
    description: string;
}
export declare const CARD_GRADER_TYPE = "card-grader";
export declare const UPSCALER_TYPE = "upscaler";
/** Card grading: at most 2 records per job, the front and the back of one card. */
export declare const GRADING_MAX_RECORDS = 2;
export declare const GRADING_ENDPOINTS: AsyncEndpoint[];
export declare const UPSCALE_ENDPOINTS: AsyncEndpoint[];
export declare const UPSCALE_MODES: AsyncEndpoint[];
/** Job types the list filter offers (shapes section 2). */
export declare const JOB_TYPES: string[];
/** Job states (section 2): DONE is final; these are still on their way; anything else failed. */
export declare const JOB_PENDING_STATES: string[];
export declare const JOB_DONE_STATE = "DONE";
/**
 * Record fields that hold a result image URL (kept 24 h by Ximilar), in order of preference:
 * upscaler, crop and level [guess: field name undocumented], background removal.
 */
export declare const RESULT_IMAGE_KEYS: string[];
