"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.confidenceWord = confidenceWord;
exports.cardRows = cardRows;
exports.slabRows = slabRows;
const read_1 = require("../read");
const prices_1 = require("./prices");
const slabLabel_1 = require("./slabLabel");
const KIND_COLUMNS = {
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
function confidenceWord(distance) {
    if (distance === null)
        return null;
    if (distance <= 0.18)
        return 'high';
    if (distance <= 0.3)
        return 'medium';
    return 'low';
}
/** The kind of one card object, for services that handle all of them (analyze, card_ocr_id). */
function kindOf(object) {
    const category = object ? ((0, slabLabel_1.categoryOf)(object) ?? '') : '';
    if (/sport/i.test(category))
        return 'sport';
    if (/^comic/i.test(category))
        return 'comic';
    return 'tcg';
}
function read(match, columns) {
    const out = {};
    for (const [column, keys] of columns) {
        const key = keys.find((candidate) => (0, read_1.scalar)(match?.[candidate]) !== null);
        out[column] = key === undefined ? null : (0, read_1.scalar)(match?.[key]);
    }
    // Card numbers and sets are labels: "4/102" and 4 alike come out as text.
    if (out.card_number !== undefined)
        out.card_number = (0, read_1.str)(out.card_number);
    return out;
}
function cardRow(kind, card, slab, context) {
    const identification = (0, read_1.obj)(card?._identification);
    const match = identification.best_match === undefined ? undefined : (0, read_1.obj)(identification.best_match);
    const distance = (0, read_1.num)((0, read_1.list)(identification.distances)[0]);
    const columns = KIND_COLUMNS[kind];
    const stats = (0, prices_1.statsColumns)(match);
    const wantStats = context.request.price_stats === true || match?.price_stats !== undefined;
    const wantListings = context.request.pricing === true || match?.pricing !== undefined;
    const wantSlab = context.request.slab_id === true || context.request.slab_grade === true || slab !== undefined;
    const row = { ...read(match, columns.lead) };
    if (wantStats)
        row.price_median = stats.price_median;
    row.confidence = confidenceWord(distance);
    Object.assign(row, read(match, columns.detail));
    if (wantStats)
        Object.assign(row, stats);
    if (wantListings)
        Object.assign(row, (0, prices_1.listingColumns)(match));
    if (wantSlab)
        Object.assign(row, (0, slabLabel_1.slabColumns)(slab));
    // One link column rather than an object, which a spreadsheet would show as JSON text.
    const [site, url] = Object.entries((0, read_1.obj)(match?.links))[0] ?? [];
    row.link = (0, read_1.str)(url);
    row.link_site = site ?? null;
    row.distance = distance;
    row.alternatives = (0, read_1.objects)(identification.alternatives).length;
    row.cards_found = context.cardsFound;
    if (context.index !== undefined)
        row.card_index = context.index;
    if (typeof identification.error === 'string')
        row.identification_error = identification.error;
    return row;
}
/** One row per identified card (at least one row, so no input item disappears). */
function cardRows(kind, record, request) {
    const all = (0, read_1.objects)(record._objects);
    const slabs = all.filter(slabLabel_1.isSlabLabel);
    const cards = all.filter((object) => !(0, slabLabel_1.isSlabLabel)(object));
    const identified = cards.filter((object) => object._identification !== undefined);
    // A slab label alone (slab_id on a photo of the label) may carry the card's match itself.
    const rows = identified.length
        ? identified
        : [cards[0] ?? slabs.find((slab) => slab._identification !== undefined)];
    const many = rows.length > 1 || request.analyze_all === true;
    return rows.map((card, index) => {
        const slab = slabs.length === rows.length ? slabs[index] : slabs[0];
        const context = { request, cardsFound: identified.length, index: many ? index + 1 : undefined };
        return cardRow(kind === 'auto' ? kindOf(card) : kind, card, slab, context);
    });
}
/** Slab services: the label's columns lead, then the card it holds. */
function slabRows(record, request) {
    return cardRows('auto', record, { ...request, slab_id: true }).map((row) => ({
        slab_company: row.slab_company,
        slab_grade: row.slab_grade,
        slab_certificate: row.slab_certificate,
        ...row,
    }));
}
