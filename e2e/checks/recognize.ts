/** Checks for e2e/workflows/recognize-binary.json. */
import { filled, show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

export function verifyRecognizeBinary(run: Run): void {
	const made = run.output('Make Images');
	run.equal('Make Images (Code node) made 15 items', made.length, 15);
	const files = run.output('Convert to File');
	run.equal('Convert to File made 15 binary files', files.filter((item) => item.binary?.data).length, 15);
	const ids = files.map((item) => String(item.binary?.data?.id ?? ''));
	run.check(
		'the binary files live in n8n\'s filesystem binary mode (binary.data.id "filesystem...", no inline data)',
		ids.length === 15 && ids.every((id) => id.startsWith('filesystem')),
		show(files.slice(0, 2).map((item) => item.binary?.data)),
	);

	const names = made.map((item) => String(item.json.name));
	const goodPositions = made.map((item, index) => (item.json.mimeType === 'image/png' ? index : -1)).filter((index) => index >= 0);
	const badPositions = made.map((_, index) => index).filter((index) => !goodPositions.includes(index));
	run.equal('13 of the 15 files are PNG images', goodPositions.length, 13);

	const ok = run.output('Identify Cards', 0);
	const errors = run.output('Identify Cards', 1);
	run.check('the Ximilar node ran without a node error', !run.nodeError('Identify Cards'), run.nodeError('Identify Cards'));
	run.equal('success output: one item per image, in input order (by _id)', ok.map((item) => item.json._id), goodPositions.map((index) => names[index]));
	run.equal('success output: each item is paired with its own input item', ok.map(pairedIndex), goodPositions);
	run.check('success output: every record has status_code 200 and an identified card', ok.length === 13 && ok.every((item) => item.json.status_code === 200 && filled(item.json.full_name)), show(ok.find((item) => item.json.status_code !== 200 || !filled(item.json.full_name))?.json));
	run.check('success output: Include Price Statistics gave a median price per card', ok.length === 13 && ok.every((item) => typeof item.json.price_median === 'number'), show(ok[0]?.json));
	run.equal('error output: the SVG and the text file, paired with their input items', errors.map(pairedIndex), badPositions);
	run.check(
		'error output: the errors say why (SVG, not an image)',
		/SVG/.test(JSON.stringify(errors[0]?.json.error)) && /not an image/.test(JSON.stringify(errors[1]?.json.error)),
		show(errors.map((item) => item.json)),
	);

	const requests = run.requestsTo('/collectibles/v2/tcg_id');
	run.equal('the 13 images went to Ximilar in 2 requests of at most 10 records', requests.map((entry) => entry.recordCount), [10, 3]);
	run.check(
		'no credit spent on the bad files (they never reached Ximilar)',
		!requests.some((entry) => entry.recordIds.some((id) => id === 'bad-svg' || id === 'bad-text')),
		show(requests.map((entry) => entry.recordIds)),
	);

	const pairing = run.output('Check Pairing');
	run.equal('Check Pairing: 13 items', pairing.length, 13);
	run.check(
		'Check Pairing: $(\'Convert to File\').item is the item the result came from (file name = _id.png)',
		pairing.length === 13 && pairing.every((item) => item.json.paired_file === `${item.json.result_id}.png`),
		show(pairing.find((item) => item.json.paired_file !== `${item.json.result_id}.png`)?.json),
	);
	run.check(
		'Check Pairing: $(\'Make Images\').item (two nodes back) is the item the result came from',
		pairing.length === 13 && pairing.every((item, index) => item.json.paired_name === item.json.result_id && item.json.paired_position === goodPositions[index]),
		show(pairing.map((item) => [item.json.result_id, item.json.paired_name, item.json.paired_position])),
	);
	const bad = run.output('Bad Images');
	run.equal(
		'Bad Images: $(\'Convert to File\').item on the error output names the bad files',
		bad.map((item) => [item.json.paired_file, item.json.paired_name, item.json.paired_position]),
		[['drawing.svg', 'bad-svg', 4], ['notes.txt', 'bad-text', 11]],
	);
}
