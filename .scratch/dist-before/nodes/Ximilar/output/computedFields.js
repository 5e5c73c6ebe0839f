"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withComputed = withComputed;
/**
 * An output row: the fields the node computes (rank, distance, match_count, operation,
 * the query) first, then the record's own fields. A record field of the same name (user
 * metadata called "rank", say) never replaces a computed value.
 */
function withComputed(computed, record) {
    return Object.assign({ ...computed }, record, computed);
}
