import type { IDataObject } from 'n8n-workflow';
/**
 * An output row: the fields the node computes (rank, distance, match_count, operation,
 * the query) first, then the record's own fields. A record field of the same name (user
 * metadata called "rank", say) never replaces a computed value.
 */
export declare function withComputed(computed: IDataObject, record: IDataObject): IDataObject;
