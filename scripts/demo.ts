/**
 * The main job for a newcomer: runs the Ximilar node through n8n's own execution engine.
 *   npm run demo                                   -> against the local Ximilar simulator
 *   XIMILAR_API_TOKEN=... npm run demo -- URL ...  -> against the real API, on public image URLs
 * The token is read from the environment and never printed.
 */
import type { IDataObject } from 'n8n-workflow';

import { demoCards, sampleBytes } from '../test/fixtures/images';
import { runNode, type InputItem, type OutputItem } from '../test/harness/engine';
import { XimilarSimulator } from '../test/simulator';

function table(rows: IDataObject[], columns: string[]): string {
	const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
	const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i])).join('  ');
	return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((row) => line(columns.map((c) => cell(row[c]))))].join('\n');
}

function rowsOf(items: OutputItem[], inputs: InputItem[]): IDataObject[] {
	return items.map((item) => {
		const index = typeof item.pairedItem === 'object' && !Array.isArray(item.pairedItem) ? item.pairedItem.item : 0;
		const input = inputs[index];
		const source = input.binary?.data.fileName ?? String(input.json?.url ?? '');
		return item.json.error
			? { item: index, image: source, result: `ERROR ${item.json.error}` }
			: {
					item: index,
					image: source,
					result: item.json.name,
					set: item.json.set,
					number: item.json.card_number,
					confidence: item.json.confidence,
					price: item.json.price !== null && item.json.price !== undefined ? `${item.json.price} ${item.json.currency ?? ''}` : '',
				};
	});
}

async function main() {
	const token = process.env.XIMILAR_API_TOKEN;
	const urls = process.argv.slice(2).filter((arg) => /^https?:\/\//.test(arg));
	const simulator = token ? undefined : await XimilarSimulator.start();
	const credentials = token
		? { apiToken: token, apiUrl: process.env.XIMILAR_API_URL ?? 'https://api.ximilar.com' }
		: { apiToken: simulator!.token, apiUrl: simulator!.url };
	console.log(token ? `Ximilar API at ${credentials.apiUrl}` : `Ximilar simulator at ${credentials.apiUrl} (no XIMILAR_API_TOKEN set)`);

	try {
		const account = await runNode({ parameters: { resource: 'account', operation: 'getDetails' }, credentials });
		if (account.error) throw new Error(`Account Details failed: ${account.error.message} ${account.error.description ?? ''}`);
		const details = account.main[0].json;
		console.log(`\nAccount Details: ${details.email} (credits used ${details.credits_counter} of ${details.credits_limit})\n`);

		let inputs: InputItem[];
		let imageParameters: IDataObject;
		if (token) {
			if (urls.length === 0) throw new Error('Give public image URLs of trading cards: npm run demo -- https://.../card.jpg ...');
			inputs = urls.map((url) => ({ json: { url } }));
			imageParameters = { imageSource: 'url', imageUrl: '={{ $json.url }}' };
		} else {
			// Card photos as files in n8n's filesystem binary mode, plus one file Ximilar cannot read.
			inputs = [
				...demoCards().map((card) => ({ json: {}, binary: { data: { data: card.buffer, mimeType: 'image/png', fileName: card.fileName } } })),
				{ json: {}, binary: { data: { data: sampleBytes('svg'), mimeType: 'image/svg+xml', fileName: 'logo.svg' } } },
			];
			imageParameters = { imageSource: 'binary', binaryPropertyName: 'data' };
		}
		const started = Date.now();
		const recognized = await runNode({
			parameters: { resource: 'image', operation: 'recognize', service: 'tcgId', ...imageParameters, serviceOptions: { pricing: true, priceStats: true } },
			items: inputs,
			credentials,
			onError: 'continueRegularOutput',
		});
		if (recognized.error) throw new Error(`Recognize failed: ${recognized.error.message} ${recognized.error.description ?? ''}`);
		const requests = simulator ? simulator.log.filter((entry) => entry.path === '/collectibles/v2/tcg_id').length : undefined;
		console.log(`Recognize (Trading Card Identification, with prices): ${inputs.length} items -> ${recognized.main.length} results in ${Date.now() - started} ms${requests !== undefined ? `, ${requests} request(s)` : ''}\n`);
		console.log(table(rowsOf(recognized.main, inputs), ['item', 'image', 'result', 'set', 'number', 'confidence', 'price']));
	} finally {
		await simulator?.close();
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(`\nDemo failed: ${error.message}`);
		process.exit(1);
	},
);
