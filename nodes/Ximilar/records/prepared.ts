import type { IDataObject } from 'n8n-workflow';

import type { ItemFailure } from '../failures/itemFailure';

/** A record ready to send, with its estimated share of the request body in bytes. */
export interface PreparedRecord {
	record: IDataObject;
	bytes: number;
}

export type Prepared = PreparedRecord | { failure: ItemFailure };

/**
 * Everything of a request but its records: what items must share to travel together.
 * Read per item, so an item mapped to another collection or task goes in another request.
 */
export interface RequestTarget {
	path: string;
	headers?: IDataObject;
	/** Top-level body fields sent beside `records` (service options, task, fields to return). */
	fields?: IDataObject;
	/** Fewer records per request than the run's limit, when the settings call for it (e.g. `analyze_all`: 1). */
	maxRecords?: number;
}

/** Item i ready to send (its record and where it goes), or why it cannot be sent. */
export type PreparedItem = (PreparedRecord & { target: RequestTarget }) | { failure: ItemFailure };
