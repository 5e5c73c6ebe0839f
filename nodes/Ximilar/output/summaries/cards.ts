import type { IDataObject } from 'n8n-workflow';

import { list, num, obj, objects, scalar, str } from '../../json/read';
import { gradedStatsColumns, headlinePrice, listingColumns, statsColumns } from './prices';
import { categoryOf, isSlabLabel, slabColumns } from './slabLabel';

/**
 * Card, sport card and comic identification (docs/ximilar-api.md §3): one row per
 * identified card. A photo normally gives one; with analyze_all every card found gets its
 * own row. The "Slab Label" object is never taken for the card: it only adds slab columns.
 */

export type CardKind = 'tcg' | 'sport' | 'comic';

/** Output column, and the match keys it is read from (first found wins). */
type Column = [string, string[]];

interface KindColumns {
	/** What a user came for, shown first. */
	lead: Column[];
	detail: Column[];
}

const KIND_COLUMNS: Record<CardKind, KindColumns> = {
	// tcg_id: S3 parser (name, set, set_code, card_number, year, series, subcategory); rarity, out_of [T].
	tcg: {
		lead: [['name', ['name']], ['set', ['set']], ['card_number', ['card_number']]],
		detail: [
			['full_name', ['full_name']],
			['set_code', ['set_code']],
			['rarity', ['rarity']],
			['year', ['year']],
			['series', ['series']],
			['subcategory', ['subcategory']],
		],
	},
	// sport_id: S2 (no set, set_code or rarity; company is the card maker, e.g. Panini).
	sport: {
		lead: [['name', ['name']], ['set_name', ['set_name']], ['card_number', ['card_number']]],
		detail: [
			['full_name', ['full_name']],
			['year', ['year']],
			['sub_set', ['sub_set']],
			['card_type', ['card_type']],
			['company', ['company']],
			['subcategory', ['subcategory']],
		],
	},
	// comics_id: field names unverified [G]; both the docs' words and third-party guesses are read.
	comic: {
		lead: [['name', ['title', 'name']], ['issue_number', ['issue_number', 'issue']], ['publisher', ['publisher']]],
		detail: [
			['full_name', ['full_name']],
			['year', ['year', 'date', 'release_date']],
			['subcategory', ['subcategory']],
		],
	},
};

/** Ximilar's own tiers (S3 ximilar.py): distance <= 0.18 high, <= 0.30 medium, else low. */
export function confidenceWord(distance: number | null): string | null {
	if (distance === null) return null;
	if (distance <= 0.18) return 'high';
	if (distance <= 0.3) return 'medium';
	return 'low';
}

/** The kind of one card object, for services that handle all of them (analyze, card_ocr_id). */
function kindOf(object: IDataObject | undefined, record: IDataObject): CardKind {
	const category = (object ? categoryOf(object) : null) ?? str(record.Category) ?? '';
	if (/sport/i.test(category)) return 'sport';
	if (/^comic/i.test(category)) return 'comic';
	return 'tcg';
}

function read(match: IDataObject | undefined, columns: Column[]): IDataObject {
	const out: IDataObject = {};
	for (const [column, keys] of columns) {
		let value: ReturnType<typeof scalar> = null;
		for (let index = 0; value === null && index < keys.length; index++) value = scalar(match?.[keys[index]]);
		out[column] = value;
	}
	// Card numbers and sets are labels: "4/102" and 4 alike come out as text.
	if (out.card_number !== undefined) out.card_number = str(out.card_number);
	return out;
}

export interface CardContext {
	/** Top-level fields sent: price columns appear when prices were asked for, and so on. */
	request: IDataObject;
	/** The record: its own Category and "Graded Slab" (docs/ximilar-api.md §3.3). */
	record: IDataObject;
	cardsFound: number;
	index?: number;
}

const firstName = (value: unknown): string | null => str(objects(value)[0]?.name);

/** "yes" / "no" as a boolean, anything else as null. */
function yesNo(name: string | null): boolean | null {
	if (name === null) return null;
	if (/^(yes|true)$/i.test(name)) return true;
	if (/^(no|false)$/i.test(name)) return false;
	return null;
}

/**
 * What kind of thing the card is and whether it is slabbed (docs/ximilar-api.md §3.3, S2):
 * `top_category` from the object's own "Top Category" (beside `_tags`; a `_tags` feature of
 * that name is read too); `category` from the object's Category tag, else the record's
 * Category; `graded_slab` from the record's "Graded Slab", else the object's Graded tag.
 */
function kindColumns(card: IDataObject | undefined, record: IDataObject): IDataObject {
	const tags = obj(card?._tags);
	return {
		category: (card ? categoryOf(card) : null) ?? str(record.Category),
		top_category: firstName(card?.['Top Category']) ?? firstName(tags['Top Category']),
		graded_slab: yesNo(firstName(record['Graded Slab']) ?? firstName(tags.Graded)),
	};
}

function cardRow(kind: CardKind, card: IDataObject | undefined, slab: IDataObject | undefined, context: CardContext): IDataObject {
	const identification = obj(card?._identification);
	const match = identification.best_match === undefined ? undefined : obj(identification.best_match);
	const distance = num(list(identification.distances)[0]);
	const columns = KIND_COLUMNS[kind];
	const wantStats = context.request.price_stats === true || match?.price_stats !== undefined;
	const wantListings = context.request.pricing === true || match?.pricing !== undefined;
	const wantSlab = context.request.slab_id === true || context.request.slab_grade === true || slab !== undefined;
	// Price columns only when prices were asked for or came (this runs for every card).
	const stats = wantStats ? statsColumns(match) : undefined;
	const listings = wantListings ? listingColumns(match) : undefined;

	// Added to as it is: a spread copy, then more columns added to it, took about 25 µs a row in Node 20's V8.
	const row: IDataObject = read(match, columns.lead);
	row.confidence = confidenceWord(distance);
	// One price to map whatever was asked for (null when no prices were), beside the detailed columns below.
	Object.assign(row, headlinePrice(stats, listings));
	Object.assign(row, read(match, columns.detail));
	Object.assign(row, kindColumns(card, context.record));
	// Graded statistics beside the ungraded ones, as Ximilar's own app shows both (S3).
	if (stats) Object.assign(row, stats, gradedStatsColumns(match));
	if (listings) Object.assign(row, listings);
	if (wantSlab) Object.assign(row, slabColumns(slab));
	// One link column rather than an object, which a spreadsheet would show as JSON text.
	const [site, url] = Object.entries(obj(match?.links))[0] ?? [];
	row.link = str(url);
	row.link_site = site ?? null;
	row.distance = distance;
	row.alternatives = objects(identification.alternatives).length;
	row.cards_found = context.cardsFound;
	if (context.index !== undefined) row.card_index = context.index;
	if (typeof identification.error === 'string') row.identification_error = identification.error;
	return row;
}

/**
 * The card objects of a record. `_identification` sits inside an `_objects` entry as a rule,
 * but Ximilar's own parser also takes it from the record itself (docs/ximilar-api.md §3.3,
 * S3): then the record stands for its card, with the first card object's tags when there is one.
 */
function identifiedCards(record: IDataObject, cards: IDataObject[]): IDataObject[] {
	const inside = cards.filter((object) => object._identification !== undefined);
	if (inside.length || record._identification === undefined) return inside;
	return [{ ...(cards[0] ?? {}), _identification: record._identification }];
}

/** One row per identified card (at least one row, so no input item disappears). */
export function cardRows(kind: CardKind | 'auto', record: IDataObject, request: IDataObject): IDataObject[] {
	const all = objects(record._objects);
	const slabs = all.filter(isSlabLabel);
	const cards = all.filter((object) => !isSlabLabel(object));
	const identified = identifiedCards(record, cards);
	// A slab label alone (slab_id on a photo of the label) may carry the card's match itself.
	const rows: Array<IDataObject | undefined> = identified.length
		? identified
		: [cards[0] ?? slabs.find((slab) => slab._identification !== undefined)];
	const many = rows.length > 1 || request.analyze_all === true;
	return rows.map((card, index) => {
		const slab = slabs.length === rows.length ? slabs[index] : slabs[0];
		const context = { request, record, cardsFound: identified.length, index: many ? index + 1 : undefined };
		return cardRow(kind === 'auto' ? kindOf(card, record) : kind, card, slab, context);
	});
}

/** Slab services: the label's columns lead, then the card it holds. */
export function slabRows(record: IDataObject, request: IDataObject): IDataObject[] {
	return cardRows('auto', record, { ...request, slab_id: true }).map((row) => ({
		slab_company: row.slab_company,
		slab_grade: row.slab_grade,
		slab_certificate: row.slab_certificate,
		...row,
	}));
}
