/** Collectibles services: card / comics identification, slab labels, detection and tags. */
import { COMICS, Comic, GRADES, GRADING_COMPANIES, PRICE_SOURCES, SPORT_CARDS, SportCard, TCG_CARDS, TcgCard } from './catalog';
import type { Service, ServiceInput } from './types';
import { Rng, round, sha1Hex, stableUuid } from './util';

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

function sportMatch(c: SportCard): Record<string, unknown> {
	const full = `${c.set} ${c.name} #${c.card_number}`;
	return {
		name: c.name, full_name: full, set: c.set, set_code: c.set.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		card_number: c.card_number, year: c.year, rarity: 'Base', subcategory: c.subcategory, team: c.team, company: c.company,
		links: {
			'ebay.com': `https://www.ebay.com/sch/i.html?_nkw=${encodeURIComponent(full)}`,
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

function priceStats(rng: Rng, base: number): Record<string, unknown>[] {
	return [
		{ grade_company: null, grade: null },
		{ grade_company: 'PSA', grade: '10', factor: 6 },
	].map(({ factor = 1, ...g }) => {
		const avg = round(base * factor * rng.float(0.9, 1.1), 2);
		return {
			...g, currency: 'USD', min: round(avg * 0.7, 2), max: round(avg * 1.4, 2), avg, median: round(avg * 0.97, 2),
			count: rng.int(5, 80), date_from: '2024-01-01', date_to: '2025-08-31',
		};
	});
}

// ---------------------------------------------------------------- identification

function candidates(kind: Kind, record: Record<string, unknown>): { match: Record<string, unknown>; price: number }[] {
	if (kind === 'sport') return SPORT_CARDS.map((c) => ({ match: sportMatch(c), price: c.price }));
	if (kind === 'comics') return COMICS.map((c) => ({ match: comicMatch(c), price: c.price }));
	// The optional record field `set_code` narrows the search to that set.
	const hint = typeof record.set_code === 'string' ? record.set_code.toLowerCase() : '';
	const inSet = TCG_CARDS.filter((c) => c.set_code.toLowerCase() === hint);
	return (inSet.length ? inSet : TCG_CARDS).map((c) => ({ match: tcgMatch(c), price: c.price }));
}

function identification(kind: Kind, inp: ServiceInput): Record<string, unknown> {
	// Tests opt in to "no match" with the record field `_simulate: 'no_match'`, so results stay predictable.
	if (inp.record._simulate === 'no_match') return { error: 'No match found' };
	const rng = inp.rng;
	const pool = candidates(kind, inp.record);
	const [best, ...alts] = rng.sample(pool, Math.min(pool.length, rng.int(3, 4)));
	const bestMatch: Record<string, unknown> = { ...best.match };
	if (inp.options.pricing === true && kind !== 'comics') bestMatch.pricing = pricing(rng, String(best.match.full_name), best.price);
	if (inp.options.price_stats === true) bestMatch.price_stats = priceStats(rng, best.price);
	let d = rng.float(0.08, 0.3);
	const distances = [d, ...alts.map(() => (d = round(d + rng.float(0.05, 0.2), 4)))];
	return { best_match: bestMatch, alternatives: alts.map((a) => a.match), distances };
}

function slabLabel(inp: ServiceInput, withGrade: boolean): Record<string, unknown> {
	const rng = inp.rng;
	const company = rng.pick(GRADING_COMPANIES);
	return {
		name: 'Slab Label', id: stableUuid(`slab:${inp.image.key}`), prob: rng.float(0.85, 0.99),
		bound_box: boundBox(rng, inp.image.width, Math.round(inp.image.height * 0.2), 0.6),
		_tags: { Company: [tag('Company', company, rng.float(0.9, 0.99))] },
		_tags_simple: [company],
		_identification: {
			best_match: {
				company, certificate_number: String(rng.int(10_000_000, 99_999_999)),
				...(withGrade ? { grade: rng.pick(GRADES) } : {}),
			},
		},
	};
}

function cardObject(kind: Kind, inp: ServiceInput, graded: boolean, withTags: boolean): Record<string, unknown> {
	const rng = inp.rng;
	const obj: Record<string, unknown> = {
		name: kind === 'comics' ? 'Comics' : 'Card', id: stableUuid(`obj:${inp.image.key}:${rng.next()}`),
		prob: rng.float(0.9, 0.999), bound_box: boundBox(rng, inp.image.width, inp.image.height),
	};
	if (!withTags) return obj;
	const category = kind === 'comics' ? 'Comics' : kind === 'sport' ? 'Card/Sport Card' : 'Card/Trading Card Game';
	const tags: Record<string, { id: string; name: string; prob: number }[]> = {
		Category: [tag('Category', category, rng.float(0.9, 0.99))],
		Side: [tag('Side', 'front', rng.float(0.85, 0.99))],
		Graded: [tag('Graded', graded ? 'yes' : 'no', rng.float(0.8, 0.99))],
	};
	if (kind !== 'comics') tags['Foil/Holo'] = [tag('Foil/Holo', rng.pick(['Foil', 'Non-Foil']), rng.float(0.6, 0.95))];
	obj._tags = tags;
	obj._tags_simple = Object.values(tags).map((t) => t[0].name);
	return obj;
}

function identify(kind: Kind): Service {
	return (inp) => {
		const slab = inp.options.slab_id === true;
		// analyze_all identifies every card in the photo; otherwise only the main one is returned.
		const count = inp.options.analyze_all === true ? inp.rng.int(1, 3) : 1;
		const objects: Record<string, unknown>[] = [];
		for (let i = 0; i < count; i++) {
			const card = cardObject(kind, inp, slab, true);
			card._identification = identification(kind, inp);
			objects.push(card);
		}
		// [guess] slab label details appear as their own object, and only when slab_id is requested.
		if (slab) objects.push(slabLabel(inp, inp.options.slab_grade === true));
		return { _objects: objects };
	};
}

export const COLLECTIBLES: Record<string, Service> = {
	'/collectibles/v2/tcg_id': identify('tcg'),
	'/collectibles/v2/sport_id': identify('sport'),
	'/collectibles/v2/comics_id': identify('comics'),
	'/collectibles/v2/slab_id': (inp) => ({ _objects: [slabLabel(inp, true)] }),
	'/collectibles/v2/process': (inp) => ({ _objects: [cardObject(inp.rng.pick<Kind>(['tcg', 'sport', 'comics']), inp, false, true)] }),
	'/collectibles/v2/detect': (inp) => ({ _objects: [cardObject('tcg', inp, false, false)] }),
};
