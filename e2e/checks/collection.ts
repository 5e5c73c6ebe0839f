/** Checks for e2e/workflows/collection-search.json. */
import type { XimilarSimulator } from '../../test/simulator';
import { show } from '../lib/report';
import { pairedIndex } from '../lib/runData';
import type { Run } from '../lib/testRun';

export function verifyCollectionSearch(run: Run, sim: XimilarSimulator): void {
	const account = run.output('Account Details');
	run.equal('Account Details: one item', account.length, 1);
	run.check('Account Details: the account of the simulator', account[0]?.json.email === 'simulator@example.com' && account[0]?.json.credits_limit === 100000, show(account[0]?.json));
	run.equal('Account Details: one GET /account/v2/details/', run.requestsTo('/account/v2/details/').map((entry) => entry.method), ['GET']);

	const products = run.output('Product List');
	const skus = products.map((item) => String(item.json.sku));
	const inserted = run.output('Insert Products');
	run.equal('Insert: one item per product, paired, in order', inserted.map((item) => [item.json._id, pairedIndex(item)]), skus.map((sku, index) => [sku, index]));
	const stored = sim.collection('e2e-products');
	run.equal('Insert: the collection holds the 6 products with their metadata', [...stored.values()].map((record) => [record._id, record.name, record.category]).sort(), products.map((item) => [item.json.sku, item.json.name, item.json.category]).sort());
	run.equal('Insert: one request with 6 records and the collection-id header', run.requestsTo('/similarity/products-new/v2/insert').map((entry) => [entry.recordCount, entry.collectionId]), [[6, 'e2e-products']]);

	const searched = run.output('Check Search');
	run.equal('Search by image: each product finds itself first (paired back to Product List)', searched.map((item) => [item.json.sku, item.json.best_id]), skus.map((sku) => [sku, sku]));
	run.check('Search by image: distance 0 to itself, 3 matches, metadata returned', searched.length === 6 && searched.every((item, index) => item.json.best_distance === 0 && item.json.match_count === 3 && item.json.best_name === products[index].json.name), show(searched.map((item) => item.json)));
	run.equal('Search: one visualKNN request per product and search (6 + 6)', run.requestsTo('/similarity/products-new/v2/visualKNN').length, 12);

	const shoes = run.output('Search Shoes by Record ID');
	run.equal('Search by record ID: one item per product, paired', shoes.map(pairedIndex), skus.map((_, index) => index));
	run.check(
		'Search by record ID: the filter {"category": "shoes"} keeps only shoes',
		shoes.length === 6 && shoes.every((item) => item.json.match_count === 3 && (item.json.matches as Array<Record<string, unknown>>).every((match) => match.category === 'shoes')),
		show(shoes.map((item) => item.json)),
	);
}
