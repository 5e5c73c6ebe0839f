import type { IDataObject } from 'n8n-workflow';

import type { SummaryKind } from '../catalog/services';

/**
 * Simplified output: a flat summary per service, one row per image, ready for Google
 * Sheets or Airtable. Every summary keeps `_id` and `_status` so a row can be traced.
 * Ximilar's fields are read defensively: a missing field becomes null, never an error.
 */

type Obj = IDataObject;
const isObj = (value: unknown): value is Obj =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const objects = (value: unknown): Obj[] => list(value).filter(isObj);
const str = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** The raw record as Ximilar returned it, minus the image data it may echo. */
export function rawRecord(record: Obj): Obj {
	const { _base64: _omitted, ...rest } = record;
	return rest;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A word for the distance of the best match (lower is closer). The thresholds are our
 * reading of Ximilar's examples, not a documented scale: the distance itself is output too.
 */
export function confidenceWord(distance: number | null): string | null {
	if (distance === null) return null;
	if (distance < 0.25) return 'high';
	if (distance < 0.45) return 'medium';
	return 'low';
}

function priceSummary(match: Obj): Obj {
	const stats = objects(match.price_stats);
	const statMedian = stats.map((entry) => num(entry.median ?? entry.price_median)).find((v) => v !== null);
	const listings = objects(isObj(match.pricing) ? match.pricing.list : undefined);
	const prices = listings.map((entry) => num(entry.price)).filter((v): v is number => v !== null);
	const currency = str(stats[0]?.currency) ?? str(listings[0]?.currency);
	if (statMedian === undefined && prices.length === 0) return {};
	const middle = statMedian ?? median(prices);
	return {
		price_median: middle === null ? null : Math.round(middle * 100) / 100,
		price_currency: currency,
		price_listings: listings.length,
	};
}

function identifiedObject(record: Obj): Obj | undefined {
	const all = objects(record._objects);
	return all.find((object) => isObj(object._identification)) ?? all[0];
}

function collectibles(record: Obj): Obj {
	const object = identifiedObject(record);
	const identification = isObj(object?._identification) ? object._identification : {};
	const match = isObj(identification.best_match) ? identification.best_match : undefined;
	const distance = num(list(identification.distances)[0]);
	const summary: Obj = {
		name: str(match?.name),
		full_name: str(match?.full_name),
		set: str(match?.set),
		set_code: str(match?.set_code),
		card_number: str(match?.card_number),
		year: str(match?.year),
		rarity: str(match?.rarity),
		subcategory: str(match?.subcategory),
		distance,
		confidence: confidenceWord(distance),
		alternatives: objects(identification.alternatives).length,
		objects_found: objects(record._objects).length,
	};
	if (typeof identification.error === 'string') summary.identification_error = identification.error;
	if (match) {
		Object.assign(summary, priceSummary(match));
		// One link column rather than an object, which a spreadsheet would show as JSON text.
		const [site, url] = Object.entries(isObj(match.links) ? match.links : {})[0] ?? [];
		summary.link = str(url);
		summary.link_site = site ?? null;
		for (const key of ['grade', 'company', 'certificate']) {
			if (match[key] !== undefined) summary[`slab_${key}`] = match[key] as string;
		}
	}
	return summary;
}

/** Tag names of one tagged thing: `_tags_simple` when given, else the names in `_tags`. */
function tagNames(thing: Obj): string[] {
	const simple = list(thing._tags_simple).map(str).filter((v): v is string => v !== null);
	if (simple.length) return simple;
	const tags = isObj(thing._tags) ? thing._tags : {};
	return Object.values(tags)
		.flatMap((values) => objects(values))
		.map((tag) => str(tag.name))
		.filter((v): v is string => v !== null);
}

function topCategory(thing: Obj): string | null {
	const map = isObj(thing._tags_map) ? thing._tags_map : {};
	const fromMap = str(map.Category ?? map.category ?? map['Top Category']);
	if (fromMap) return fromMap;
	const tags = isObj(thing._tags) ? thing._tags : {};
	const category = objects(tags.Category ?? tags.category)[0];
	return str(category?.name) ?? tagNames(thing)[0] ?? null;
}

function tags(record: Obj): Obj {
	return {
		top_category: topCategory(record),
		tags: tagNames(record),
		tag_map: isObj(record._tags_map) ? record._tags_map : {},
	};
}

function objectTags(record: Obj): Obj {
	const found = objects(record._objects);
	return {
		object_count: found.length,
		objects: found.map((object) => str(object.name) ?? topCategory(object)),
		top_category: found.length ? topCategory(found[0]) : null,
		tags: [...new Set(found.flatMap(tagNames))],
	};
}

function colors(record: Obj): Obj {
	const dominant = isObj(record._dominant_colors) ? record._dominant_colors : {};
	return {
		colors_hex: list(dominant.rgb_hex_colors ?? dominant.hex_colors),
		color_names: list(dominant.color_names),
		percentages: list(dominant.percentages),
	};
}

function classification(record: Obj): Obj {
	const best = isObj(record.best_label) ? record.best_label : undefined;
	return {
		best_label: str(best?.name),
		probability: num(best?.prob),
		labels: objects(record.labels).map((label) => ({ name: str(label.name), prob: num(label.prob) })),
	};
}

function detection(record: Obj): Obj {
	const found = objects(record._objects);
	return {
		object_count: found.length,
		objects: found.map((object) => str(object.name)),
		detections: found.map((object) => ({
			name: str(object.name),
			prob: num(object.prob),
			bound_box: list(object.bound_box),
		})),
	};
}

function removeBackground(record: Obj): Obj {
	return { output_url: str(record._output_url ?? record.output_url) };
}

const SUMMARIES: Record<SummaryKind, (record: Obj) => Obj> = {
	collectibles,
	tags,
	objectTags,
	colors,
	classification,
	detection,
	removeBackground,
	raw: rawRecord,
};

/** The simplified output of one record: `_id` and `_status` first, then the service's summary. */
export function simplifyRecord(kind: SummaryKind, record: Obj): Obj {
	const summary = SUMMARIES[kind](record);
	const head: Obj = { _id: record._id ?? null, _status: record._status ?? null };
	if (kind === 'raw') return { ...head, ...summary };
	if (record._url !== undefined) head._url = record._url;
	return { ...head, ...summary };
}
