/** Checks for e2e/workflows/run-flow.json: Run Flow with flows picked from the list (docs/ximilar-api.md §12). */
import type { XimilarSimulator } from '../../test/simulator';
import { flowId } from '../../test/simulator';
import { filled, show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

const SKUS = Array.from({ length: 12 }, (_, i) => `e2e-shoe-${i}`);

export function verifyRunFlow(run: Run, sim: XimilarSimulator): void {
	const sorted = run.output('Sort Sneakers');
	run.equal('Sort Sneakers: one row per photo, in order, paired', sorted.map((item) => [item.json._id, pairedIndex(item)]), SKUS.map((sku, i) => [sku, i]));
	run.check(
		'Sort Sneakers: the best label with its probability, the labels found, status_code 200',
		sorted.length === 12 && sorted.every((item) => filled(item.json.best_label) && typeof item.json.probability === 'number' && Array.isArray(item.json.labels) && item.json.status_code === 200),
		show(sorted[0]?.json),
	);
	const requests = run.requestsTo('/flows/v2/process');
	run.equal('both flows: 12 photos in 10 + 2 records per request each', requests.map((entry) => entry.recordCount).sort((a, b) => a - b), [2, 2, 10, 10]);
	// The bodies of this run's requests (the simulator keeps the latest ones), each naming the flow picked from the list.
	const bodies = sim.bodiesTo('/flows/v2/process').slice(-requests.length) as Array<{ flow?: string; records?: Array<{ _id?: string }> }>;
	const perFlow = (name: string) => bodies.filter((body) => body.flow === flowId(name)).flatMap((body) => (body.records ?? []).map((record) => record._id)).sort();
	run.equal('each flow picked from the list got every photo, by its id', [perFlow('Sneaker sorter'), perFlow('Shelf check')], [[...SKUS].sort(), [...SKUS].sort()]);
	const shelf = run.output('Check Shelf');
	run.check(
		'Check Shelf: the objects found with their tags, and the stored image id (Store Images)',
		shelf.length === 12 && shelf.every((item) => (item.json.object_count as number) > 0 && filled(item.json.tags) && typeof item.json.stored_image_id === 'string'),
		show(shelf[0]?.json),
	);
}
