/** Public entry point of the Ximilar simulator used by the tests and the harness. */
import { COLLECTION_BASES } from './collections';
import { RECOGNITION_ROUTES } from './recognition';

export { XimilarSimulator, DEFAULT_TOKEN, FORBIDDEN_TOKEN } from './server';
export type { RequestLogEntry, Fault, RandomFaults, SimulatorOptions } from './types';
export type { RateLimit } from './rateLimit';
export { COLLECTION_BASES } from './collections';
export { UPSCALE_ENDPOINTS, UPSCALE_MODES, JOB_PAGE_SIZE } from './async';
export type { AsyncKnobs, WebhookDelivery } from './async';
export { GRADING_ENDPOINT_NAMES, GRADING_MAX_RECORDS } from './grading';
export { MAX_RECORDS, TOO_MANY_RECORDS } from './recognition';
export { FLOWS, flowId, FLOW_LIST_PATH, FLOW_PROCESS_PATH } from './flows';

/** Every synchronous recognition path the simulator serves (contract section 3). */
export const RECOGNITION_PATHS: readonly string[] = Object.keys(RECOGNITION_ROUTES);
/** Collection base paths, re-exported under a descriptive name. */
export const VISUAL_SEARCH_BASES: readonly string[] = COLLECTION_BASES;
