/**
 * Ximilar Flows (docs/ximilar-api.md §12, S26, S28): several models behind one endpoint. A
 * flow runs on records like a recognition service, with the flow's ID beside them.
 */

/** `POST` `{flow, records, store_images?}`; the answer is a records answer (S28 flows.py). */
export const FLOW_PROCESS_PATH = '/flows/v2/process';

/** The account's flows, a Django REST page of `{id, name, description, valid, ...}` (S28). */
export const FLOW_LIST_PATH = '/flows/v2/flow/';

/** Records per request: flows take records like the other services, 10 at most [G: no flow-specific limit is documented]. */
export const FLOW_MAX_RECORDS = 10;
