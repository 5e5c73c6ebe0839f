/**
 * Checks for e2e/workflows/distinct-images.json: 30 rows over 6 pictures, each picture sent (and
 * billed) once; every row gets its picture's result, paired, in order, with its own _id.
 */
import type { XimilarSimulator } from '../../test/simulator';
import { show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

const ROWS = 30;
const PICTURES = 6;
const sku = (row: number) => `e2e-row-${row}`;

export function verifyDistinctImages(run: Run, sim: XimilarSimulator): void {
	const requests = run.requestsTo('/collectibles/v2/tcg_id');
	run.equal('the simulator\'s request log: 1 request of 6 records, the first row of each picture', requests.map((entry) => entry.recordIds), [
		Array.from({ length: PICTURES }, (_, row) => sku(row)),
	]);
	const body = sim.lastBody('/collectibles/v2/tcg_id', true) as { records?: Array<Record<string, unknown>> } | undefined;
	run.equal('each picture\'s URL once in the request body', (body?.records ?? []).map((record) => record._url), Array.from({ length: PICTURES }, (_, i) => `https://img.example.com/catalog/picture-${i}.jpg`));
	const cards = run.output('Identify Cards');
	run.equal('30 outputs, each paired with its row, in order, with its own _id', cards.map((item) => [pairedIndex(item), item.json._id]), Array.from({ length: ROWS }, (_, row) => [row, sku(row)]));
	const card = (item: (typeof cards)[number] | undefined) => JSON.stringify([item?.json.name, item?.json.set, item?.json.card_number]);
	run.check(
		'each row has its picture\'s card; a repeated row says which row it shares the result with',
		cards.length === ROWS &&
			cards.every((item, row) => typeof item.json.name === 'string' && card(item) === card(cards[row % PICTURES])) &&
			cards.every((item, row) => (row < PICTURES ? !('result_shared_with_item' in item.json) : item.json.result_shared_with_item === row % PICTURES)),
		show(cards.slice(0, 8).map((item) => item.json)),
	);
	const hints = run.hints('Identify Cards').map((hint) => hint.message);
	run.check('the node\'s hint says 6 images were sent for 30 items', hints.some((message) => message.startsWith('6 images sent to Ximilar for 30 items')), show(hints));
}
