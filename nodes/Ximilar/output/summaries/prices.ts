import type { IDataObject } from 'n8n-workflow';

import { firstOf, isObject, num, objects, obj, round2, str } from '../../json/read';

/**
 * Price columns of a card match (docs/ximilar-api.md §3.6). `best_match.price_stats[]` holds
 * one entry per `stats_type` with the numbers under `value` (S3). Ximilar's own app shows
 * the ungraded and the graded statistics side by side, and the overall ones only when
 * neither exists (S3): so `price_*` are the ungraded ones (else overall, when there are no
 * graded ones either) and `graded_price_*` the graded ones. The amounts are USD and the API
 * names no currency (S3). `listing_*` summarise `best_match.pricing.list[]`, marketplace
 * listings that each carry their currency (S2).
 */

function statsOfType(match: IDataObject | undefined, type: string): IDataObject | undefined {
	return objects(match?.price_stats).find((entry) => entry.stats_type === type);
}

/** The entry behind `price_*`: ungraded; overall (or an entry of no type) only when there is nothing graded either. */
function ungradedStats(match: IDataObject | undefined): IDataObject | undefined {
	const ungraded = statsOfType(match, 'ungraded');
	if (ungraded || statsOfType(match, 'graded')) return ungraded;
	return statsOfType(match, 'overall') ?? objects(match?.price_stats).find((entry) => entry.stats_type === undefined);
}

/** Numbers under `value` (S3); a flat entry is read too, in case an older answer has one. */
const valuesOf = (entry: IDataObject | undefined): IDataObject => (entry ? (isObject(entry.value) ? entry.value : entry) : {});

export function statsColumns(match: IDataObject | undefined): IDataObject {
	const entry = ungradedStats(match);
	const value = valuesOf(entry);
	return {
		price_median: round2(num(value.median)),
		price_min: round2(num(value.min)),
		price_max: round2(num(value.max)),
		price_latest: round2(num(value.latest)),
		price_latest_date: str(value.latest_date),
		price_stats_type: str(entry?.stats_type),
		price_currency: entry || statsOfType(match, 'graded') ? 'USD' : null,
	};
}

export function gradedStatsColumns(match: IDataObject | undefined): IDataObject {
	const value = valuesOf(statsOfType(match, 'graded'));
	return {
		graded_price_median: round2(num(value.median)),
		graded_price_min: round2(num(value.min)),
		graded_price_max: round2(num(value.max)),
		graded_price_latest: round2(num(value.latest)),
		graded_price_latest_date: str(value.latest_date),
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

/**
 * The one price a user maps first: the median of the price statistics (sold prices, in USD)
 * when they were asked for and hold one, else the median of the marketplace listings, in
 * their currency. Null when no prices were asked for or none came back.
 */
export function headlinePrice(stats: IDataObject | undefined, listings: IDataObject | undefined): IDataObject {
	if (stats && stats.price_median !== null) return { price: stats.price_median, currency: stats.price_currency };
	if (listings && listings.listing_median !== null) return { price: listings.listing_median, currency: listings.listing_currency };
	return { price: null, currency: null };
}
