/** Examples: items that stand in for their triggers, and the checks on each test copy's run. */
import { demoCards, makeJpeg, sampleBytes } from '../../test/fixtures/images';
import type { XimilarSimulator } from '../../test/simulator';
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
	verify: (run: Run, sim: XimilarSimulator) => void;
}

const file = (bytes: Buffer, mimeType: string, fileName: string) => ({ data: bytes.toString('base64'), mimeType, fileName });
const cards = demoCards();

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
};
