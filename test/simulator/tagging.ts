/** Tagging services (fashion, home decor, generic photo) and dominant colours. */
import { COLORS, FASHION_CATEGORIES, FASHION_TAGS, HOMEDECOR_CATEGORIES, HOMEDECOR_TAGS, PHOTO_TAGS, TagTable } from './catalog';
import { boundBox } from './collectibles';
import type { Service, ServiceInput } from './types';
import { Rng, descendingProbs, stableUuid } from './util';

interface Tag { id: string; name: string; prob?: number }
type Tags = Record<string, Tag[]>;

function tagList(rng: Rng, feature: string, values: readonly string[], max: number): Tag[] {
	const names = rng.sample(values, rng.int(1, max));
	const probs = descendingProbs(rng, names.length + 1); // leave some mass for "other"
	return names.map((name, i) => ({ id: stableUuid(`${feature}:${name}`), name, prob: probs[i] }));
}

/** `_tags`, `_tags_simple` (best name per feature) and `_tags_map` (feature -> best name). */
function tagFields(tags: Tags): Record<string, unknown> {
	const features = Object.keys(tags).filter((f) => tags[f].length > 0);
	return {
		_tags: tags,
		_tags_simple: features.map((f) => tags[f][0].name),
		_tags_map: Object.fromEntries(features.map((f) => [f, tags[f][0].name])),
	};
}

function fashionTags(rng: Rng): { category: string; tags: Tags } {
	const category = rng.pick(Object.keys(FASHION_CATEGORIES));
	const tags: Tags = {
		'Top Category': tagList(rng, 'Top Category', [category.split('/')[0]], 1),
		Category: tagList(rng, 'Category', [category], 1),
		Subcategory: tagList(rng, 'Subcategory', FASHION_CATEGORIES[category], 2),
	};
	for (const [feature, values] of Object.entries(FASHION_TAGS)) tags[feature] = tagList(rng, feature, values, 2);
	return { category, tags };
}

function decorTags(rng: Rng): { category: string; tags: Tags } {
	const category = rng.pick(HOMEDECOR_CATEGORIES);
	const tags: Tags = { Category: tagList(rng, 'Category', [category], 1) };
	for (const [feature, values] of Object.entries(HOMEDECOR_TAGS as TagTable)) tags[feature] = tagList(rng, feature, values, 2);
	return { category, tags };
}

type Tagger = (rng: Rng) => { category: string; tags: Tags };

const whole = (tagger: Tagger): Service => (inp) => tagFields(tagger(inp.rng).tags);

/** detect_tags: the main object; detect_tags_all: every object found (1-3). */
const detected = (tagger: Tagger, all: boolean): Service => (inp: ServiceInput) => {
	const count = all ? inp.rng.int(1, 3) : 1;
	const objects = Array.from({ length: count }, () => {
		const { category, tags } = tagger(inp.rng);
		return {
			name: category, id: stableUuid(`obj:${inp.image.key}:${inp.rng.next()}`), prob: inp.rng.float(0.7, 0.99),
			bound_box: boundBox(inp.rng, inp.image.width, inp.image.height, 0.3), ...tagFields(tags),
		};
	});
	return { _objects: objects };
};

/**
 * Generic photo tags: `_tags` is a LIST of {name, prob, id} (S18), most likely first;
 * `lang` 'cs' gives Czech names, `tagging_mode` 'simple' leaves some out and drops prob (S11).
 */
const photoTags: Service = (inp) => {
	const cs = inp.options.lang === 'cs';
	const simple = inp.options.tagging_mode === 'simple';
	const tags: Tag[] = [];
	for (const [feature, pairs] of Object.entries(PHOTO_TAGS)) {
		for (const t of tagList(inp.rng, feature, pairs.map((p) => p[0]), simple ? 1 : 3)) {
			const name = cs ? pairs.find((p) => p[0] === t.name)![1] : t.name;
			tags.push(simple ? { id: t.id, name } : { ...t, name });
		}
	}
	if (!simple) tags.sort((a, b) => (b.prob ?? 0) - (a.prob ?? 0));
	return { _tags: tags };
};

/** Fashion meta: `_tags_meta_simple` (S4 README). */
const fashionMeta: Service = (inp) => ({
	_tags_meta_simple: [inp.rng.pick(['product', 'model', 'street']), inp.rng.pick(['front view', 'side view', 'detail'])],
});

const hex = (rgb: number[]): string => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`; // lowercase, as in Ximilar's docs ('#f1f0f1')

/** `colors` = how many colours to return ([guess] defaults: product 3, generic 6; capped at 12). */
const dominantColors = (defaultCount: number): Service => (inp) => {
	const n = Number(inp.options.colors);
	const count = Number.isInteger(n) && n > 0 ? Math.min(n, 12) : defaultCount;
	const picked = inp.rng.sample(COLORS, count);
	const rgb = picked.map((c) => c.rgb.map((v) => Math.max(0, Math.min(255, v + inp.rng.int(-12, 12)))));
	// [guess] percentages as fractions of the image (sum ~1).
	const shares = descendingProbs(inp.rng, picked.length);
	return {
		_dominant_colors: {
			rgb_colors: rgb, rgb_hex_colors: rgb.map(hex), percentages: shares,
			// Names only when asked for with top-level color_names: true (the old docs' curl, S12).
			...(inp.options.color_names === true
				? { color_names: picked.map((c) => c.name), color_names_simple: Object.fromEntries(picked.map((c, i) => [c.name.split(' ').pop(), shares[i]])) }
				: {}),
		},
	};
};

export const TAGGING: Record<string, Service> = {
	'/tagging/fashion/v2/tags': whole(fashionTags),
	'/tagging/fashion/v2/detect_tags': detected(fashionTags, false),
	'/tagging/fashion/v2/detect_tags_all': detected(fashionTags, true),
	'/tagging/homedecor/v2/tags': whole(decorTags),
	'/tagging/homedecor/v2/detect_tags': detected(decorTags, false),
	'/tagging/homedecor/v2/detect_tags_all': detected(decorTags, true),
	'/tagging/fashion/v2/meta': fashionMeta,
	'/photo/tags/v2/tags': photoTags,
	'/dom_colors/product/v2/dominantcolor': dominantColors(3),
	'/dom_colors/generic/v2/dominantcolor': dominantColors(6),
};
