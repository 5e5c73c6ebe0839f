/**
 * What the editor shows: one value per run only where a value
 * per item would make no sense, a notice naming the settings a request shares, services
 * and collection types listed alphabetically, Task as a resource locator.
 */
import type { INodeProperties } from 'n8n-workflow';

import { loadPackage } from './harness/package';

const { Ximilar } = loadPackage();
const properties = new Ximilar().description.properties;

/** Every property of the node, collection options included, by name (the first of each name). */
function all(list: INodeProperties[] = properties): INodeProperties[] {
	return list.flatMap((property) => [
		property,
		...(property.type === 'collection' ? all((property.options ?? []) as INodeProperties[]) : []),
	]);
}
const named = (name: string) => all().filter((property) => property.name === name);

it('takes one value per run only for what shapes the run', () => {
	for (const name of ['resource', 'operation', 'service', 'collectionType', 'recordsPerRequest', 'parallelRequests', 'maxRequestSizeMb', 'timeout', 'maxRetries', 'retryMayBill']) {
		expect({ name, noDataExpression: named(name).every((property) => property.noDataExpression === true) }).toEqual({ name, noDataExpression: true });
	}
	for (const name of ['collectionId', 'basePath', 'endpointPath', 'task', 'serviceOptions', 'searchMethod', 'fieldsToReturn', 'recordId', 'additionalRequestFields']) {
		expect({ name, perItem: named(name).length > 0 && named(name).every((property) => !property.noDataExpression) }).toEqual({ name, perItem: true });
	}
});

it('says in one short sentence which settings a request shares', () => {
	const notices = properties.filter((property) => property.type === 'notice').map((property) => property.displayName);
	const batching = notices.filter((notice) => notice.includes('one request'));
	expect(batching).toEqual([
		'Up to 10 images go in one request; items whose Endpoint Path, Task, Service Options or Additional Request Fields differ go in separate requests.',
		'Up to 10 images go in one request; items whose Flow or Store Images differ go in separate requests.',
		'Up to 10 images go in one request; items whose Collection, Base Path or Fields to Return differ go in separate requests.',
	]);
	for (const notice of batching) expect(notice.match(/[.;]/g)).toHaveLength(2);
});

/** Every text the panel shows: names, descriptions, hints and placeholders, of options and collection entries too. */
function panelTexts(list: INodeProperties[] = properties): string[] {
	return list.flatMap((property) => {
		if (property.type === 'hidden') return [];
		const own = [property.displayName, property.description, property.hint, property.placeholder].filter((text): text is string => typeof text === 'string');
		const options = (property.options ?? []) as Array<INodeProperties | { name: string; description?: string }>;
		const nested = options.flatMap((option) =>
			'displayName' in option ? panelTexts([option]) : [option.name, option.description ?? ''].filter((text) => text),
		);
		return [...own, ...nested];
	});
}

it('speaks of images, not records, except where it names Ximilar\'s own term', () => {
	const texts = panelTexts();
	expect(texts.length).toBeGreaterThan(300);
	// The API term may stand where it is named as such: "Ximilar's record _id", "(Ximilar calls them records)", "records" in quotes.
	const apiTerm = /Ximilar's record|Ximilar calls them records|"records"|Ximilar's record fields/g;
	const offending = texts.filter((text) => /\brecords?\b/i.test(text.replace(apiTerm, '')));
	expect(offending).toEqual([]);
});

it('lists services and collection types alphabetically', () => {
	for (const name of ['service', 'collectionType']) {
		const names = (named(name)[0].options as Array<{ name: string }>).map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names.length).toBeGreaterThan(5);
	}
});

it('offers the Task from a list of the account\'s tasks or by ID', () => {
	const [task] = named('task');
	expect(task.type).toBe('resourceLocator');
	expect(task.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
		['list', 'searchTasks'],
		['id', undefined],
	]);
	expect(Object.keys(new Ximilar().methods?.listSearch ?? {})).toEqual(['searchTasks', 'searchFlows', 'searchJobs']);
});

it('offers the Job from a list of recent jobs or by ID, and the Collection by ID with a link to the Ximilar App', () => {
	for (const job of named('jobId')) {
		expect(job.type).toBe('resourceLocator');
		expect(job.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
			['list', 'searchJobs'],
			['id', undefined],
		]);
	}
	expect(named('jobId').length).toBe(2);
	// Ximilar documents no list of collections (docs/ximilar-api.md §13): by ID, found in the App.
	const [collection] = named('collectionId');
	expect(collection.type).toBe('resourceLocator');
	expect(collection.modes?.map((mode) => mode.name)).toEqual(['id']);
	expect(collection.description).toContain('href="https://app.ximilar.com/"');
});

it('puts the older collection types behind one choice', () => {
	const [collectionType] = named('collectionType');
	const values = (collectionType.options as Array<{ value: string; name: string }>).map((option) => option.value);
	expect(values).toContain('legacy');
	expect(values.filter((value) => /Legacy$/.test(value))).toEqual([]);
	const [legacy] = named('legacyCollectionType');
	expect(legacy.displayOptions?.show?.collectionType).toEqual(['legacy']);
	expect((legacy.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(['fashionLegacy', 'homeDecorLegacy', 'photoLegacy', 'productLegacy']);
});

it('keeps JSON editors and rarely used fields among the Options', () => {
	const shown = (name: string) => properties.filter((property) => property.name === name && property.type !== 'hidden');
	for (const name of ['additionalFields', 'filter', 'upscaleModelType', 'storeImages']) expect({ name, topLevel: shown(name).length }).toEqual({ name, topLevel: 0 });
	const jsonAtTop = properties.filter((property) => property.type === 'json').map((property) => property.name);
	// Metadata is what Update sends, and Insert stores with each image.
	expect([...new Set(jsonAtTop)]).toEqual(['metadata']);
});

it('makes Include Prices easy to find for the card services, and on once added', () => {
	const cardOptions = named('serviceOptions').find((property) => (property.displayOptions?.show?.service ?? []).includes('tcgId'));
	expect(cardOptions?.placeholder).toBe('Add Prices or Another Option');
	for (const name of ['pricing', 'priceStats']) expect(named(name)[0].default).toBe(true);
});
