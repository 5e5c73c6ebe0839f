/** Checks for e2e/workflows/card-language.json: Card Language as the record's Alphabet (docs/ximilar-api.md §3.2). */
import type { XimilarSimulator } from '../../test/simulator';
import { show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

const SKUS = ['e2e-jp-charizard', 'e2e-jp-pikachu', 'e2e-jp-luffy'];

export function verifyCardLanguage(run: Run, sim: XimilarSimulator): void {
	const body = sim.lastBody('/collectibles/v2/tcg_id', true) as { records?: Array<Record<string, unknown>> } | undefined;
	const records = body?.records ?? [];
	run.equal(
		'the request as the simulator logged it: Alphabet "japanese" on each record, no box-less _objects',
		records.map((record) => [record._id, record.Alphabet, record._objects]),
		SKUS.map((sku) => [sku, 'japanese', undefined]),
	);
	const cards = run.output('Identify Japanese Cards');
	run.equal('one row per photo, in order, paired', cards.map((item) => [item.json._id, pairedIndex(item)]), SKUS.map((sku, i) => [sku, i]));
	run.check(
		'each card identified among the Japanese prints (a box-less object would have left it unidentified)',
		cards.length === 3 && cards.every((item) => typeof item.json.name === 'string' && /Japanese/.test(String(item.json.set)) && item.json.top_category === 'Card'),
		show(cards.map((item) => item.json)),
	);
}
