/** Checks for e2e/workflows/recognize-shapes.json: the columns of the documented response shapes (All Columns for cards, Simplified for the others). */
import type { XimilarSimulator } from '../../test/simulator';
import { filled, show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

const SKUS = ['e2e-slab-psa', 'e2e-binder-page', 'e2e-sneaker'];

export function verifyRecognizeShapes(run: Run, sim: XimilarSimulator): void {
	const cards = run.output('Identify Slabbed Cards');
	run.equal('Identify Slabbed Cards: one row per photo, in order, paired', cards.map((item) => [item.json._id, pairedIndex(item)]), SKUS.map((sku, i) => [sku, i]));
	run.equal(
		'Identify Slabbed Cards (All Columns): the columns a user came for lead, status_code closes the row',
		cards.map((item) => [...Object.keys(item.json).slice(0, 6), Object.keys(item.json).at(-1)]),
		SKUS.map(() => ['name', 'set', 'card_number', 'confidence', 'price', 'currency', 'status_code']),
	);
	run.check(
		'Identify Slabbed Cards: price statistics (ungraded, USD) and the slab label\'s company, grade and certificate',
		cards.length === 3 &&
			cards.every(
				(item) =>
					typeof item.json.price_median === 'number' &&
					item.json.price === item.json.price_median &&
					typeof item.json.price_min === 'number' &&
					item.json.price_stats_type === 'ungraded' &&
					item.json.price_currency === 'USD' &&
					/^(high|medium|low)$/.test(String(item.json.confidence)) &&
					/^(PSA|BGS|CGC|SGC)$/.test(String(item.json.slab_company)) &&
					filled(item.json.slab_grade) &&
					/^\d{8}$/.test(String(item.json.slab_certificate)) &&
					item.json.status_code === 200 &&
					item.json._status === undefined,
			),
		show(cards[0]?.json),
	);
	const all = run.output('Analyze All Cards');
	const perPhoto = SKUS.map((_, i) => all.filter((item) => pairedIndex(item) === i));
	run.check(
		'Analyze All Cards: one item per card found, each paired to its photo, numbered card_index 1..n',
		perPhoto.every((items, i) => items.length >= 2 && items.every((item, n) => item.json._id === SKUS[i] && item.json.card_index === n + 1 && item.json.cards_found === items.length)),
		show(all.map((item) => [pairedIndex(item), item.json._id, item.json.card_index, item.json.name])),
	);
	// The simulator answers price_stats and the slab label only when asked: the columns above show they were sent.
	run.equal(
		'card requests: the three photos in one request, then one photo per request with analyze_all',
		run.requestsTo('/collectibles/v2/tcg_id').map((entry) => entry.recordCount).sort(),
		[1, 1, 1, 3],
	);

	const tags = run.output('Tag Photos');
	run.check(
		'Tag Photos: tags from the _tags list, the most likely one as top_category',
		tags.length === 3 && tags.every((item) => Array.isArray(item.json.tags) && item.json.tags.length > 0 && item.json.top_category === item.json.tags[0]),
		show(tags[0]?.json),
	);

	const cutouts = run.output('Remove Background');
	run.check(
		'Remove Background: the mask URL instead of the cut-out, and the white-background URL',
		cutouts.length === 3 &&
			cutouts.every((item) => item.json.output_url === null && /\.jpg$/.test(String(item.json.output_url_mask)) && /\.jpg$/.test(String(item.json.output_url_whitebg))),
		show(cutouts[0]?.json),
	);
	const removeBody = sim.lastBody('/removebg/precise/removebg') as { records?: Array<Record<string, unknown>> } | undefined;
	run.check(
		'Remove Background: binary_mask and white_background sent in each record',
		(removeBody?.records ?? []).length === 3 && (removeBody?.records ?? []).every((record) => record.binary_mask === true && record.white_background === true),
		show(removeBody),
	);
}
