/**
 * Checks for e2e/workflows/flood-comparison.json: 1000 URL items through
 * n8n's own HTTP Request node (one request per item, all in flight) and through the Ximilar
 * node with its defaults, against the simulator's latency model (80 ms + 5 ms per record).
 * Both must give every item its own result; the two nodes' execution times are printed
 * (a figure for BENCHMARKS.md, not a pass/fail check: timings are noisy on shared machines).
 */
import type { XimilarSimulator } from '../../test/simulator';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

const ITEMS = 1000;
const TCG = '/collectibles/v2/tcg_id';

export function verifyFloodComparison(run: Run, _sim: XimilarSimulator): void {
	const flood = run.output('HTTP Request Per Item');
	run.equal(
		'HTTP Request node: each of the 1000 items got the record it sent',
		flood.filter((item, index) => item.json.records?.[0]?._id !== `card-${index}`).length,
		0,
	);
	const ours = run.output('Ximilar Defaults');
	run.equal(
		'Ximilar node: each of the 1000 items has its own result, in order, paired',
		ours.filter((item, index) => item.json._id !== `card-${index}` || pairedIndex(item) !== index || item.json.error !== undefined).length,
		0,
	);
	const requests = run.requestsTo(TCG);
	const single = requests.filter((entry) => entry.recordCount === 1).length;
	const batched = requests.filter((entry) => entry.recordCount === 10).length;
	run.equal('requests: 1000 of one record (HTTP Request) and 100 of ten (Ximilar)', [single, batched, requests.length], [ITEMS, ITEMS / 10, ITEMS + ITEMS / 10]);
	const floodMs = run.executionTime('HTTP Request Per Item');
	const oursMs = run.executionTime('Ximilar Defaults');
	if (floodMs !== undefined && oursMs !== undefined) {
		console.log(
			`${run.workflow}: figure: HTTP Request node ${floodMs} ms for 1000 requests, Ximilar node ${oursMs} ms for 100 ` +
				`(${(oursMs / floodMs).toFixed(2)}x the flood's time; the target is at most 1.2x)`,
		);
	}
}
