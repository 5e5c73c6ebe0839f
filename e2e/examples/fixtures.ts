/** Examples: items that stand in for their triggers, and the checks on each test copy's run. */
import { demoCards, makeJpeg, sampleBytes } from '../../test/fixtures/images';
import type { XimilarSimulator } from '../../test/simulator';
import { WEBHOOK_SECRET } from '../lib/config';
import { filled, show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

interface TriggerItem {
	json: Record<string, unknown>;
	binary?: Record<string, { data: string; mimeType: string; fileName: string }>;
}

export interface ExampleFixture {
	/** Items each trigger node (by name) would have produced. */
	triggers?: Record<string, TriggerItem[]>;
	/** What the simulator must hold before each run of the test copy. */
	setup?: (sim: XimilarSimulator) => Promise<void>;
	verify: (run: Run, sim: XimilarSimulator) => void;
}

const file = (bytes: Buffer, mimeType: string, fileName: string) => ({ data: bytes.toString('base64'), mimeType, fileName });
const cards = demoCards();

/** A job submitted straight to the simulator, as an earlier Webhook-mode run would have; its ID. */
async function submitJob(sim: XimilarSimulator, sku: string): Promise<string> {
	const response = await fetch(`${sim.url}/account/v2/request/`, {
		method: 'POST',
		headers: { Authorization: `Token ${sim.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ type: 'card-grader', endpoint: 'grade', records: [{ _id: sku, _url: `${sim.url}/samples/card-1.png` }], webhook: { endpoint: 'https://n8n.invalid/webhook/ximilar' } }),
	});
	return ((await response.json()) as { id: string }).id;
}

/** The sweep example's jobs of this run: one done, one failed, one still running (not yet stuck). */
const sweepJobs: Record<'done' | 'failed' | 'running', string> = { done: '', failed: '', running: '' };

export const EXAMPLE_FIXTURES: Record<string, ExampleFixture> = {
	'card-photos-to-google-sheets.json': {
		triggers: {
			'Card Photo Webhook': [
				...[0, 1, 2].map((i) => ({
					json: { headers: { 'content-type': 'multipart/form-data; boundary=x' }, params: {}, query: {}, body: { listing_id: `L-100${i + 1}` } },
					binary: { photo: file(cards[i].buffer, 'image/png', cards[i].fileName) },
				})),
				{
					json: { headers: { 'content-type': 'multipart/form-data; boundary=x' }, params: {}, query: {}, body: { listing_id: 'L-1004' } },
					binary: { photo: file(sampleBytes('pdf'), 'application/pdf', 'scan.pdf') },
				},
			],
		},
		verify: (run, sim) => {
			const ok = run.output('Identify Card', 0);
			run.equal('Identify Card: the three card photos, in order, paired', ok.map((item) => [item.json._id, pairedIndex(item)]), [['L-1001', 0], ['L-1002', 1], ['L-1003', 2]]);
			run.check('Identify Card: identified, with prices (pricing and price_stats sent)', ok.length === 3 && ok.every((item) => filled(item.json.full_name) && typeof item.json.price_median === 'number') && sim.lastBody('/collectibles/v2/tcg_id')?.price_stats === true, show(ok[0]?.json));
			run.equal('Identify Card: the PDF went to the error output', run.output('Identify Card', 1).map((item) => [pairedIndex(item), /PDF/.test(JSON.stringify(item.json.error))]), [[3, true]]);
			const rows = run.output('Append to Google Sheet');
			run.equal('Google Sheets columns: Listing ID and Photo come from the webhook item (paired)', rows.map((item) => [item.json['Listing ID'], item.json.Photo]), [['L-1001', 'card-1.png'], ['L-1002', 'card-2.png'], ['L-1003', 'card-3.png']]);
			run.check('Google Sheets columns: every column mapped to a value', rows.length === 3 && rows.every((item) => Object.values(item.json).every(filled)), show(rows.map((item) => item.json)));
			run.equal('Google Sheets columns: Card is the identified card', rows.map((item) => item.json.Card), ok.map((item) => item.json.full_name));
			const answers = run.output('Respond with Card').map((item) => JSON.parse(String(item.json.response_body)) as Record<string, unknown>);
			run.check('Respond with Card: answers each caller with its own card', answers.length === 3 && answers.every((answer, index) => answer.listing_id === `L-100${index + 1}` && answer.card === ok[index].json.full_name), show(answers));
			const refused = run.output('Respond with Error');
			const refusal = refused.length === 1 ? (JSON.parse(String(refused[0].json.response_body)) as Record<string, unknown>) : {};
			run.check('Respond with Error: 422 with the listing ID (paired) and the reason', refused.length === 1 && refused[0].json.response_code === 422 && refusal.listing_id === 'L-1004' && /PDF/.test(JSON.stringify(refusal.error)), show(refused.map((item) => item.json)));
		},
	},
	'fashion-form-to-airtable.json': {
		triggers: {
			'Product Photo Form': [
				{ name: 'Red leather sneaker', email: 'ana@example.com', bytes: makeJpeg(7, 64, 64), mimeType: 'image/jpeg', fileName: 'sneaker.jpg' },
				{ name: 'Black tote bag', email: 'ben@example.com', bytes: cards[3].buffer, mimeType: 'image/png', fileName: 'tote.png' },
			].map((entry) => ({
				json: {
					product_name: entry.name,
					email: entry.email,
					photo: { filename: entry.fileName, mimetype: entry.mimeType, size: entry.bytes.length },
					submittedAt: '2025-01-15T10:00:00.000+00:00',
					formMode: 'production',
				},
				binary: { photo: file(entry.bytes, entry.mimeType, entry.fileName) },
			})),
		},
		verify: (run) => {
			const tagged = run.output('Tag Fashion Photo');
			run.equal('Tag Fashion Photo: one result per form submission, paired', tagged.map((item) => [item.json._id, pairedIndex(item)]), [['Red leather sneaker', 0], ['Black tote bag', 1]]);
			run.check('Tag Fashion Photo: a category and tags for each photo', tagged.length === 2 && tagged.every((item) => filled(item.json.top_category) && filled(item.json.tags)), show(tagged.map((item) => item.json)));
			run.equal('Tag Fashion Photo: one request with both photos', run.requestsTo('/tagging/fashion/v2/tags').map((entry) => entry.recordCount), [2]);
			const records = run.output('Create Airtable Record');
			run.equal('Airtable fields: Product, Email and Photo File come from the form item (paired)', records.map((item) => [item.json.Product, item.json.Email, item.json['Photo File']]), [['Red leather sneaker', 'ana@example.com', 'sneaker.jpg'], ['Black tote bag', 'ben@example.com', 'tote.png']]);
			run.check('Airtable fields: every field mapped to a value, Category and Tags from Ximilar', records.length === 2 && records.every((item, index) => Object.values(item.json).every(filled) && item.json.Category === tagged[index].json.top_category && item.json.Tags === (tagged[index].json.tags as string[]).join(', ')), show(records.map((item) => item.json)));
		},
	},
	'product-catalog-visual-search.json': {
		verify: (run, sim) => {
			const catalog = run.output('Product Catalog');
			const skus = catalog.map((item) => String(item.json.sku));
			run.equal('Insert Into Collection: one item per product, paired', run.output('Insert Into Collection').map((item) => [item.json._id, pairedIndex(item)]), skus.map((sku, index) => [sku, index]));
			const stored = sim.collection('YOUR-COLLECTION-ID');
			run.check('Insert Into Collection: the collection holds the products with name, category and price', stored.size === 6 && catalog.every((item) => stored.get(String(item.json.sku))?.price === item.json.price), show([...stored.values()]));
			const found = run.output('Find Similar Products');
			run.check('Find Similar Products: each product finds itself first, 4 matches', found.length === 6 && found.every((item, index) => item.json.query_id === skus[index] && item.json.match_count === 4 && item.json.matches[0]._id === skus[index] && item.json.matches[0].distance === 0), show(found.map((item) => item.json)));
			const recommendations = run.output('Format Recommendations');
			run.check(
				'Format Recommendations: three other products per product, with names',
				recommendations.length === 6 && recommendations.every((item, index) => item.json.sku === skus[index] && (item.json.similar_skus as string[]).length === 3 && !(item.json.similar_skus as string[]).includes(skus[index]) && (item.json.similar_names as string[]).every(filled)),
				show(recommendations.map((item) => item.json)),
			);
		},
	},
	'card-grading-wait-to-google-sheets.json': {
		triggers: {
			'Card Photos Webhook': [1, 2].map((n) => ({
				json: { headers: { 'content-type': 'multipart/form-data; boundary=x' }, params: {}, query: {}, body: { sku: `SKU-${n}` } },
				binary: {
					front: file(cards[n - 1].buffer, 'image/png', `front-${n}.png`),
					back: file(cards[n + 1].buffer, 'image/png', `back-${n}.png`),
				},
			})),
		},
		verify: (run) => {
			const graded = run.output('Grade Card');
			run.equal('Grade Card: one item per side, front then back, paired to its card', graded.map((item) => [item.json._id, item.json.side, pairedIndex(item)]), [['SKU-1', 'front', 0], ['SKU-1-back', 'back', 0], ['SKU-2', 'front', 1], ['SKU-2-back', 'back', 1]]);
			const submits = run.requestsTo('/account/v2/request/').filter((entry) => entry.method === 'POST');
			run.equal('Grade Card: one job per card with both sides', submits.map((entry) => entry.recordIds).sort(), [['SKU-1', 'SKU-1-back'], ['SKU-2', 'SKU-2-back']]);
			const rows = run.output('Append to Google Sheet');
			run.equal('Google Sheets columns: SKU from the webhook item (paired), Side and grades from Ximilar', rows.map((item) => [item.json.SKU, item.json.Side]), [['SKU-1', 'front'], ['SKU-1', 'back'], ['SKU-2', 'front'], ['SKU-2', 'back']]);
			run.check('Google Sheets columns: every column mapped to a value', rows.length === 4 && rows.every((item) => Object.values(item.json).every(filled) && typeof item.json['Final Grade'] === 'number'), show(rows.map((item) => item.json)));
		},
	},
	'upscale-submit-then-get-to-google-drive.json': {
		verify: (run, sim) => {
			const submitted = run.output('Submit Upscale Jobs');
			run.check('Submit Upscale Jobs: a job ID per photo, status CREATED, paired', submitted.length === 3 && submitted.every((item, index) => typeof item.json.jobId === 'string' && item.json.status === 'CREATED' && pairedIndex(item) === index), show(submitted.map((item) => item.json)));
			run.equal('Submit Upscale Jobs: upscale_4x, high fidelity', [sim.lastBody('/account/v2/request/', true)?.endpoint, sim.lastBody('/account/v2/request/', true)?.mode], ['upscale_4x', 'high_fidelity']);
			const fetched = run.output('Get Upscaled Images');
			run.equal('Get Upscaled Images: each job\'s result as a file named after the product', fetched.map((item) => [item.json._id, item.binary?.data?.fileName, item.binary?.data?.mimeType]), [1, 2, 3].map((n) => [`product-${n}`, `product-${n}-result.jpg`, 'image/jpeg']));
			run.equal('Get Upscaled Images: the job IDs the submit output', fetched.map((item) => item.json.jobId), submitted.map((item) => item.json.jobId));
		},
	},
	'sweep-failed-jobs-to-google-sheets.json': {
		triggers: { 'Every Hour': [{ json: { timestamp: '2025-05-12T10:00:00.000+00:00', 'Readable date': 'May 12th 2025, 10:00:00 am' } }] },
		setup: async (sim) => {
			const knobs = { ...sim.asyncJobs };
			try {
				sim.asyncJobs.jobMs = 0;
				sweepJobs.done = await submitJob(sim, 'sweep-done');
				sim.asyncJobs.failJob = (body) => (body.records as Array<{ _id: string }>)[0]._id === 'sweep-failed';
				sweepJobs.failed = await submitJob(sim, 'sweep-failed');
				sim.asyncJobs.jobMs = 3_600_000;
				sweepJobs.running = await submitJob(sim, 'sweep-running');
			} finally {
				Object.assign(sim.asyncJobs, knobs);
			}
		},
		verify: (run, sim) => {
			const listed = run.output('List Jobs Not Done');
			const ids = listed.map((item) => item.json.jobId);
			run.check('List Jobs Not Done: the failed and the running job are listed, the done one is not', ids.includes(sweepJobs.failed) && ids.includes(sweepJobs.running) && !ids.includes(sweepJobs.done), show(listed.map((item) => item.json)));
			run.check('List Jobs Not Done: no DONE job at all, every job created within the last day', listed.length > 0 && listed.every((item) => item.json.status !== 'DONE' && Date.now() - Date.parse(String(item.json.created)) < 86_400_000), show(listed.map((item) => item.json)));
			run.check('List Jobs Not Done: asked Ximilar for no undocumented status', run.requestsTo('/account/v2/request/').every((entry) => !/status=/.test(entry.query)), show(run.requestsTo('/account/v2/request/').map((entry) => entry.query)));
			// The webhook of the failed job was never called: only DONE calls back.
			run.check('the failed job never called its webhook', !sim.webhookDeliveries.some((delivery) => delivery.jobId === sweepJobs.failed), show(sim.webhookDeliveries.slice(-5)));
			const rows = run.output('Log to Google Sheets');
			const logged = rows.map((item) => item.json['Job ID']);
			run.check('Log to Google Sheets: the failed job is logged with its status; the running one is not (not stuck yet)', logged.includes(sweepJobs.failed) && !logged.includes(sweepJobs.running) && rows.every((item) => item.json.Status === 'ERROR' && item.json.Type === 'card-grader' && filled(item.json.Created)), show(rows.map((item) => item.json)));
		},
	},
	'card-grading-webhook-to-ximilar-trigger.json': {
		triggers: {
			'Card Webhook': [{ json: { headers: {}, params: {}, query: {}, body: { sku: 'SKU-7', front_url: 'https://images.example.com/sku-7-front.jpg', back_url: 'https://images.example.com/sku-7-back.jpg' } } }],
			'Grading Results': ['front', 'back'].map((side) => ({
				json: {
					jobId: '5b7c9d1e-2f3a-4b5c-8d6e-7f8a9b0c1d2e', jobStatus: 'DONE', _id: side === 'front' ? 'SKU-7' : 'SKU-7-back', side,
					final_grade: 8.5, corners: 8, edges: 9, surface: 8.5, centering: 8.5, centering_left_right: '45/55', centering_top_bottom: '52/48',
					condition: 'Near Mint', image_url: null,
				},
			})),
		},
		verify: (run, sim) => {
			const submitted = run.output('Submit Grading');
			run.check('Submit Grading: outputs the job ID at once, status CREATED', submitted.length === 1 && typeof submitted[0].json.jobId === 'string' && submitted[0].json.status === 'CREATED', show(submitted.map((item) => item.json)));
			const body = sim.lastBody('/account/v2/request/', true);
			run.equal('Submit Grading: the job carries the trigger URL, the secret header and its type and endpoint as headers', body?.webhook, {
				endpoint: 'https://YOUR-N8N-HOST/webhook/ximilar-grading-results/ximilar',
				headers: { 'X-Ximilar-Webhook-Secret': WEBHOOK_SECRET, 'X-Ximilar-Job-Type': 'card-grader', 'X-Ximilar-Job-Endpoint': 'grade' },
			});
			run.check('Submit Grading: says a failed job never calls back', /never calls back/.test(String(submitted[0]?.json.callback)), show(submitted.map((item) => item.json)));
			run.equal('Append to Google Sheet: a row per side of the callback', run.output('Append to Google Sheet').map((item) => [item.json.SKU, item.json.Side, item.json['Final Grade']]), [['SKU-7', 'front', 8.5], ['SKU-7-back', 'back', 8.5]]);
		},
	},
};
