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

it('tells which settings a request shares', () => {
	const notices = properties.filter((property) => property.type === 'notice').map((property) => property.displayName);
	expect(notices).toEqual(
		expect.arrayContaining([
			'Items are sent up to 10 per request. Endpoint Path, Task, Service Options and Additional Request Fields are shared by a request; they may be mapped per item: items with different values go in separate requests. The Options below apply to the whole run.',
			'Items are sent up to 10 per request. Collection ID, Base Path and (for Get) Fields to Return are shared by a request; they may be mapped per item: items with different values go in separate requests. The Options below apply to the whole run.',
		]),
	);
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
	expect(Object.keys(new Ximilar().methods?.listSearch ?? {})).toEqual(['searchTasks', 'searchFlows']);
});
