/** Collectibles services: card / comics identification, slab labels, detection and tags. */
import { ALPHABETS, COMICS, Comic, GRADES, GRADING_COMPANIES, PRICE_SOURCES, SPORT_CARDS, SportCard, TCG_CARDS, TcgCard } from './catalog';
import type { Service, ServiceInput } from './types';
import { isPlainObject, Rng, round, sha1Hex, stableUuid } from './util';

type Kind = 'tcg' | 'sport' | 'comics';

export function boundBox(rng: Rng, w: number, h: number, minFrac = 0.5): [number, number, number, number] {
	const bw = Math.round(w * rng.float(minFrac, 0.95));
	const bh = Math.round(h * rng.float(minFrac, 0.95));
	const x1 = rng.int(0, w - bw);
	const y1 = rng.int(0, h - bh);
	return [x1, y1, x1 + bw, y1 + bh];
}

const tag = (feature: string, name: string, prob: number) => ({ id: stableUuid(`${feature}:${name}`), name, prob });

/** Stable numeric id per catalog entry, for marketplace links. */
const productId = (name: string): number => parseInt(sha1Hex(name).slice(0, 6), 16);

// ---------------------------------------------------------------- catalog entry -> best_match

function tcgMatch(c: TcgCard): Record<string, unknown> {
	const full = `${c.name} ${c.set} (${c.card_number})`;
	return {
		name: c.name, full_name: full, set: c.set, set_code: c.set_code, card_number: c.card_number, year: c.year,
		rarity: c.rarity, subcategory: c.subcategory, ...(c.series ? { series: c.series } : {}),
		links: {
			'tcgplayer.com': `https://www.tcgplayer.com/product/${productId(full)}`,
			'ebay.com': `https://www.ebay.com/sch/i.html?_nkw=${encodeURIComponent(full)}`,
		},
	};
}

/** sport_id best_match as in the docs' example (S2): set_name, sub_set, card_type, company; year as text; no set/set_code/rarity. */
function sportMatch(c: SportCard): Record<string, unknown> {
	const full = `${c.set} ${c.name} #${c.card_number}`;
	return {
		year: String(c.year), name: c.name, set_name: c.set, card_type: 'Base', card_number: c.card_number,
		subcategory: c.subcategory, sub_set: 'Base', company: c.company, full_name: full,
		links: {
			'ebay.com': `https://www.ebay.com/sch/i.html?_nkw=${encodeURIComponent(full)}`,
			'comc.com': `https://www.comc.com/Cards,=${encodeURIComponent(full)}`,
			'beckett.com': `https://www.beckett.com/search/?term=${encodeURIComponent(full)}`,
		},
	};
}

function comicMatch(c: Comic): Record<string, unknown> {
	const full = `${c.name} #${c.issue_number} (${c.publisher}, ${c.year})`;
	return {
		name: c.name, full_name: full, title: c.name, issue_number: c.issue_number, publisher: c.publisher, year: c.year,
		subcategory: c.publisher,
		links: {
			'comicvine.gamespot.com': `https://comicvine.gamespot.com/search/?q=${encodeURIComponent(full)}`,
			'ebay.com': `https://www.ebay.com/sch/i.html?_nkw=${encodeURIComponent(full)}`,
		},
	};
}

function isoDay(rng: Rng): string {
	return new Date(Date.UTC(2024, 0, 1) + rng.int(0, 600) * 86_400_000).toISOString().slice(0, 10);
}

function pricing(rng: Rng, full: string, base: number): Record<string, unknown> {
	const list = Array.from({ length: rng.int(3, 5) }, (_, i) => {
		const source = rng.pick(PRICE_SOURCES);
		const graded = source === 'eBay' && rng.next() < 0.4;
		return {
			name: full, item_id: `${productId(full)}-${i}`, price: round(base * rng.float(0.8, 1.25), 2), currency: 'USD',
			country_code: 'US', source, date_of_sale: isoDay(rng),
			item_link: source === 'eBay' ? `https://www.ebay.com/itm/${productId(full + i)}`
				: source === 'TCGPlayer' ? `https://www.tcgplayer.com/product/${productId(full)}`
				: `https://www.cardmarket.com/en/Search?searchString=${encodeURIComponent(full)}`,
			...(graded ? { grade_company: rng.pick(GRADING_COMPANIES), grade: rng.pick(GRADES) } : {}),
		};
	});
	return { list };
}

/** price_stats: one entry per stats_type, numbers under `value`, USD with no currency named (S3). */
function priceStats(rng: Rng, base: number): Record<string, unknown>[] {
	return [
		{ stats_type: 'ungraded', factor: 1 },
		{ stats_type: 'graded', factor: 6 },
		{ stats_type: 'overall', factor: 2 },
	].map(({ stats_type, factor }) => {
		const median = round(base * factor * rng.float(0.9, 1.1), 2);
		const latest = round(median * rng.float(0.85, 1.15), 2);
		return {
			stats_type, interval: 'overall', start_date: null,
			value: {
				min: round(median * 0.7, 2), max: round(median * 1.4, 2), mean: round(median * 1.03, 2), median,
				q1: round(median * 0.85, 2), q3: round(median * 1.15, 2), std: round(median * 0.2, 2), range: round(median * 0.7, 2),
				latest, latest_date: isoDay(rng), oldest: round(median * 0.8, 2), oldest_date: '2024-01-03',
				trend: { slope_per_day: round(rng.float(-0.5, 0.5), 3), forecast_30d: round(latest * rng.float(0.95, 1.05), 2) },
			},
		};
	});
}

// ---------------------------------------------------------------- identification

/** What a record tells the endpoint before it looks (docs/ximilar-api.md §3.2). */
interface Hints {
	/** `Alphabet` on the record, or on a card object sent with its box [C S1, S3]. */
	alphabet?: string;
	/** `_objects` sent with a `bound_box`: detected cards, so the endpoint skips its own detection [C S3]. */
	boxes: Record<string, unknown>[];
	/** `_objects` sent without a box: not a documented shape [G]; taken as they come, never as a detected card. */
	boxless: Record<string, unknown>[];
}

const isBox = (value: unknown): value is number[] => Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number');

function hintsOf(record: Record<string, unknown>): Hints {
	const sent = Array.isArray(record._objects) ? record._objects.filter(isPlainObject) : [];
	const boxes = sent.filter((object) => isBox(object.bound_box));
	const boxless = sent.filter((object) => !isBox(object.bound_box));
	const alphabet = [record.Alphabet, ...boxes.map((object) => object.Alphabet)].find((value): value is string => typeof value === 'string');
	return { alphabet, boxes, boxless };
}

/**
 * Cards printed in the hinted alphabet; without a hint the endpoint assumes latin (§3.2). An
 * alphabet Ximilar does not know matches nothing [C S3].
 */
function tcgPool(alphabet: string | undefined): readonly TcgCard[] {
	const wanted = (alphabet ?? 'latin').toLowerCase();
	if (!(ALPHABETS as readonly string[]).includes(wanted)) return [];
	return TCG_CARDS.filter((card) => (card.alphabet ?? 'latin') === wanted);
}

function candidates(kind: Kind, record: Record<string, unknown>, alphabet: string | undefined): { match: Record<string, unknown>; price: number }[] {
	if (kind === 'sport') return SPORT_CARDS.map((c) => ({ match: sportMatch(c), price: c.price }));
	if (kind === 'comics') return COMICS.map((c) => ({ match: comicMatch(c), price: c.price }));
	const pool = tcgPool(alphabet);
	// The optional record field `set_code` narrows the search to that set.
	const hint = typeof record.set_code === 'string' ? record.set_code.toLowerCase() : '';
	const inSet = pool.filter((c) => c.set_code.toLowerCase() === hint);
	return (inSet.length ? inSet : pool).map((c) => ({ match: tcgMatch(c), price: c.price }));
}

function identification(kind: Kind, inp: ServiceInput, alphabet?: string): Record<string, unknown> {
	// Tests opt in to "no match" with the record field `_simulate: 'no_match'`, so results stay predictable.
	if (inp.record._simulate === 'no_match') return { error: 'No match found' };
	const rng = inp.rng;
	const pool = candidates(kind, inp.record, alphabet);
	if (pool.length === 0) return { error: 'No match found' };
	const [best, ...alts] = rng.sample(pool, Math.min(pool.length, rng.int(3, 4)));
	const bestMatch: Record<string, unknown> = { ...best.match };
	if (inp.options.pricing === true && kind !== 'comics') bestMatch.pricing = pricing(rng, String(best.match.full_name), best.price);
	if (inp.options.price_stats === true) bestMatch.price_stats = priceStats(rng, best.price);
	let d = rng.float(0.08, 0.3);
	const distances = [d, ...alts.map(() => (d = round(d + rng.float(0.05, 0.2), 4)))];
	return { best_match: bestMatch, alternatives: alts.map((a) => a.match), distances };
}

/**
 * The slab label: its own object named "Slab Label", Category per grading company (S2, S3).
 * Grade and certificate keys are unverified; this follows the third-party fixture (S24):
 * `_tags.Company`, `best_match.grade_value`, `best_match.certificate_number`.
 */
function slabLabel(inp: ServiceInput, withGrade: boolean, withCertificate = true): Record<string, unknown> {
	const rng = inp.rng;
	const company = rng.pick(GRADING_COMPANIES);
	return {
		name: 'Slab Label', id: stableUuid(`slab:${inp.image.key}`), prob: rng.float(0.85, 0.99),
		bound_box: boundBox(rng, inp.image.width, Math.round(inp.image.height * 0.2), 0.6),
		_tags: { Category: [tag('Category', `Slab Label/${company}`, rng.float(0.9, 0.99))], Company: [tag('Company', company, rng.float(0.9, 0.99))] },
		_tags_simple: [company],
		_identification: {
			best_match: {
				...(withCertificate ? { certificate_number: String(rng.int(10_000_000, 99_999_999)) } : {}),
				...(withGrade ? { grade_value: rng.pick(GRADES) } : {}),
			},
		},
	};
}

const TOP_CATEGORY: Record<Kind, string> = { tcg: 'Card', sport: 'Card', comics: 'Comics' };
const CATEGORY: Record<Kind, string> = { tcg: 'Card/Trading Card Game', sport: 'Card/Sport Card', comics: 'Comics' };
/** Hints a card object may carry, prefilled by the caller (docs/ximilar-api.md §3.2). */
const HINT_FEATURES = ['Category', 'Subcategory', 'Side', 'Rotation', 'Alphabet'];

/**
 * One card object: detected (a box of its own), or the box the record sent with its hints,
 * which come back as `_tags` marked "pre-filled" (S2). Beside `_tags`, the object's own
 * "Top Category" (S2). Extra values come from their own seed, so the main sequence (and
 * every other result) stays as it was.
 */
function cardObject(kind: Kind, inp: ServiceInput, graded: boolean, withTags: boolean, sent?: Record<string, unknown>, alphabet?: string): Record<string, unknown> {
	const rng = inp.rng;
	const obj: Record<string, unknown> = {
		name: kind === 'comics' ? 'Comics' : 'Card', id: stableUuid(`obj:${inp.image.key}:${rng.next()}`),
		prob: rng.float(0.9, 0.999), bound_box: boundBox(rng, inp.image.width, inp.image.height),
	};
	if (sent) Object.assign(obj, { prob: typeof sent.prob === 'number' ? sent.prob : 1, bound_box: sent.bound_box });
	if (!withTags) return obj;
	const extra = new Rng(`extra:${String(obj.id)}`);
	obj['Top Category'] = [tag('Top Category', TOP_CATEGORY[kind], extra.float(0.9, 0.99))];
	const tags: Record<string, Array<{ id: string; name: string; prob: number; 'pre-filled'?: boolean }>> = {
		Category: [tag('Category', CATEGORY[kind], rng.float(0.9, 0.99))],
		Side: [tag('Side', 'front', rng.float(0.85, 0.99))],
		Graded: [tag('Graded', graded ? 'yes' : 'no', rng.float(0.8, 0.99))],
	};
	if (kind !== 'comics') tags['Foil/Holo'] = [tag('Foil/Holo', rng.pick(['Foil', 'Non-Foil']), rng.float(0.6, 0.95))];
	const prefilled: Record<string, unknown> = { ...(alphabet ? { Alphabet: alphabet } : {}), ...(sent ?? {}) };
	for (const feature of HINT_FEATURES) {
		const value = prefilled[feature];
		if (typeof value === 'string') tags[feature] = [{ ...tag(feature, value, 1), 'pre-filled': true }];
	}
	obj._tags = tags;
	obj._tags_simple = Object.values(tags).map((t) => t[0].name);
	return obj;
}

/** The kind a sent object's Category hint names, if any. */
function hintedKind(object: Record<string, unknown>): Kind | undefined {
	const category = typeof object.Category === 'string' ? object.Category : '';
	if (/sport/i.test(category)) return 'sport';
	if (/^comic/i.test(category)) return 'comics';
	return category ? 'tcg' : undefined;
}

/** Record-level `Category` (of the main card) and `"Graded Slab"` (S2). */
function recordLevel(objects: Record<string, unknown>[], slabbed: boolean, inp: ServiceInput): Record<string, unknown> {
	const card = objects.find((object) => object._tags !== undefined && object.name !== 'Slab Label');
	if (!card) return {};
	const category = (card._tags as Record<string, Array<{ name: string }>>).Category[0].name;
	const extra = new Rng(`graded-slab:${inp.image.key}`);
	return { Category: category, 'Graded Slab': [tag('Graded Slab', slabbed ? 'yes' : 'no', extra.float(0.8, 0.99))] };
}

function identify(kind: Kind | 'any'): Service {
	return (inp) => {
		const hints = hintsOf(inp.record);
		const slab = inp.options.slab_id === true || inp.options.slab_grade === true;
		const objects: Record<string, unknown>[] = [];
		if (hints.boxes.length > 0 || hints.boxless.length > 0) {
			// Objects sent with the record replace the endpoint's own detection (S3): each box is
			// a card; a box-less object is not one, so it comes back as it was sent, unidentified [G].
			for (const box of hints.boxes) {
				const cardKind = kind === 'any' ? (hintedKind(box) ?? inp.rng.pick<Kind>(['tcg', 'sport', 'comics'])) : kind;
				const card = cardObject(cardKind, inp, slab, true, box, hints.alphabet);
				card._identification = identification(cardKind, inp, hints.alphabet);
				objects.push(card);
			}
			objects.push(...hints.boxless);
		} else {
			// analyze_all identifies every card in the photo; otherwise only the main one is returned.
			const count = inp.options.analyze_all === true ? inp.rng.int(2, 3) : 1;
			for (let i = 0; i < count; i++) {
				const cardKind = kind === 'any' ? inp.rng.pick<Kind>(['tcg', 'sport', 'comics']) : kind;
				const card = cardObject(cardKind, inp, slab, true, undefined, hints.alphabet);
				card._identification = identification(cardKind, inp, hints.alphabet);
				objects.push(card);
			}
		}
		if (slab) objects.push(slabLabel(inp, true, inp.options.slab_id === true));
		return { ...recordLevel(objects, slab, inp), _objects: objects };
	};
}

function slabId(inp: ServiceInput): Record<string, unknown> {
	const hints = hintsOf(inp.record);
	const card = { ...cardObject('tcg', inp, true, true, undefined, hints.alphabet), _identification: identification('tcg', inp, hints.alphabet) };
	const objects = [card, slabLabel(inp, true)];
	return { ...recordLevel(objects, true, inp), _objects: objects };
}

export const COLLECTIBLES: Record<string, Service> = {
	'/collectibles/v2/tcg_id': identify('tcg'),
	'/collectibles/v2/sport_id': identify('sport'),
	'/collectibles/v2/comics_id': identify('comics'),
	'/collectibles/v2/analyze': identify('any'),
	// [T] card_ocr_id answers like tcg_id: _objects[]._identification.best_match|alternatives.
	'/collectibles/v2/card_ocr_id': identify('tcg'),
	// slab_id: the label and the card it holds; slab_grade [G]: company and grade only.
	'/collectibles/v2/slab_id': slabId,
	'/collectibles/v2/slab_grade': (inp) => ({ _objects: [slabLabel(inp, true, false)] }),
	'/collectibles/v2/process': (inp) => ({ _objects: [cardObject(inp.rng.pick<Kind>(['tcg', 'sport', 'comics']), inp, false, true)] }),
	'/collectibles/v2/detect': (inp) => ({ _objects: [cardObject('tcg', inp, false, false)] }),
};
