/** Checks for e2e/workflows/per-item-collections.json: Collection ID mapped per item. */
import type { XimilarSimulator } from '../../test/simulator';
import { show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

export function verifyPerItemCollections(run: Run, sim: XimilarSimulator): void {
	const inserted = run.output('Insert Per Collection', 0);
	const failed = run.output('Insert Per Collection', 1);
	run.equal(
		'Insert: items 0-5 inserted, each paired with its input, in order',
		inserted.map((item) => [item.json._id, pairedIndex(item)]),
		[0, 1, 2, 3, 4, 5].map((index) => [`P-${index}`, index]),
	);
	const inserts = run.requests.filter((entry) => entry.path.endsWith('/insert'));
	run.equal(
		'Insert: one request per collection, each with its own items',
		inserts.map((entry) => [entry.collectionId, entry.recordIds]),
		[
			['e2e-shoes', ['P-0', 'P-2', 'P-4']],
			['e2e-bags', ['P-1', 'P-3', 'P-5']],
		],
	);
	run.equal('Insert: the shoes collection holds the even items', [...sim.collection('e2e-shoes').keys()].sort(), ['P-0', 'P-2', 'P-4']);
	run.equal('Insert: the bags collection holds the odd items', [...sim.collection('e2e-bags').keys()].sort(), ['P-1', 'P-3', 'P-5']);
	const error = failed[0]?.json.error as Record<string, unknown> | undefined;
	run.check(
		'Error output: the item without a collection, paired, with its input fields and the node\'s words',
		failed.length === 1 &&
			pairedIndex(failed[0]) === 6 &&
			failed[0].json.sku === 'P-6' &&
			error?.message === 'Collection ID is empty [item 6]' &&
			error?.itemIndex === 6,
		show(failed.map((item) => item.json)),
	);
}
