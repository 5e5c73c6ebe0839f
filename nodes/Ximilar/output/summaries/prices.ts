import type { IDataObject } from 'n8n-workflow';

import { firstOf, isObject, num, objects, obj, round2, str } from '../../json/read';

/**
 * Price columns of a card match (docs/ximilar-api.md §3). `price_*` come from
 * `best_match.price_stats[]`, one entry per `stats_type` with the numbers under `value`
 * (S3); Ximilar's own code shows ungraded, then graded, then overall. The amounts are USD
 * and the API names no currency (S3). `listing_*` summarise `best_match.pricing.list[]`,
 * marketplace listings that each carry their currency (S2).
 */

const STATS_PREFERENCE = ['ungraded', 'graded', 'overall'];

function chosenStats(match: IDataObject): IDataObject | undefined {
	const stats = objects(match.price_stats);
	for (const type of STATS_PREFERENCE) {
		const entry = stats.find((candidate) => candidate.stats_type === type);
		if (entry) return entry;
	}
	return stats[0];
}

export function statsColumns(match: IDataObject | undefined): IDataObject {
	const entry = match ? chosenStats(match) : undefined;
	// Numbers under `value` (S3); a flat entry is read too, in case an older answer has one.
	const value = entry ? (isObject(entry.value) ? entry.value : entry) : {};
	const median = num(value.median);
	return {
		price_median: round2(median),
		price_min: round2(num(value.min)),
		price_max: round2(num(value.max)),
		price_latest: round2(num(value.latest)),
		price_latest_date: str(value.latest_date),
		price_stats_type: str(entry?.stats_type),
		price_currency: entry ? 'USD' : null,
	};
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function listingColumns(match: IDataObject | undefined): IDataObject {
	const listings = objects(obj(match?.pricing).list);
	// Mixed currencies are never averaged together: the most common one is summarised.
	const counts = new Map<string, number>();
	for (const listing of listings) {
		const currency = str(listing.currency) ?? '';
		counts.set(currency, (counts.get(currency) ?? 0) + 1);
	}
	const currency = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
	const prices = listings
		.filter((listing) => (str(listing.currency) ?? '') === currency)
		.map((listing) => num(listing.price))
		.filter((price): price is number => price !== null);
	return {
		listing_count: listings.length,
		listing_median: round2(median(prices)),
		listing_min: prices.length ? Math.min(...prices) : null,
		listing_max: prices.length ? Math.max(...prices) : null,
		listing_currency: currency || null,
		listing_link: str(firstOf(listings[0] ?? {}, ['item_link'])),
	};
}
