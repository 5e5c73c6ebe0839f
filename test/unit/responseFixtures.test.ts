import { findService, RECOGNITION_SERVICES } from '../../nodes/Ximilar/catalog/services';
import { simplifyRecord } from '../../nodes/Ximilar/output/simplify';
import { responseFixtures } from '../fixtures/responses';

const recognition = responseFixtures().filter((fixture) => findService(fixture.service) !== undefined);

it('every fixture names its source in docs/ximilar-api.md (S#)', () => {
	const fixtures = responseFixtures();
	expect(fixtures.length).toBeGreaterThan(30);
	for (const fixture of fixtures) expect({ file: fixture.file, named: /\bS\d+/.test(fixture.source) }).toEqual({ file: fixture.file, named: true });
});

describe('documented Ximilar answers through the simplifier', () => {
	it('covers every recognition endpoint of the catalog with a fixture that names its source', () => {
		const covered = new Set(recognition.map((fixture) => fixture.endpoint));
		for (const fixture of recognition) expect(fixture.source).toMatch(/\bS\d+/);
		const missing = RECOGNITION_SERVICES.filter((service) => service.value !== 'custom')
			.map((service) => service.path)
			.filter((path) => !covered.has(path));
		expect(missing).toEqual([]);
	});

	it.each(recognition.map((fixture) => [fixture.file, fixture] as const))('%s gives the expected rows', (_file, fixture) => {
		const service = findService(fixture.service)!;
		expect(service.path).toBe(fixture.endpoint);
		const records = fixture.response.records as Array<Record<string, unknown>>;
		const rows = records.map((record) => simplifyRecord(service.summary, record as never, fixture.request));
		expect(rows).toEqual(fixture.expected);
		// The columns a user came for lead; the technical ones close every row.
		for (const row of rows.flat()) expect(Object.keys(row).slice(-1)).toEqual(['status_code']);
	});
});

describe('a Flow\'s answers through the simplifier (docs/ximilar-api.md §12)', () => {
	const flows = responseFixtures().filter((fixture) => fixture.service === 'runFlow');

	it('has a fixture that names its source', () => {
		expect(flows.map((fixture) => fixture.endpoint)).toEqual(['/flows/v2/process']);
		for (const fixture of flows) expect(fixture.source).toMatch(/\bS\d+/);
	});

	it.each(flows.map((fixture) => [fixture.file, fixture] as const))('%s reads every variant: tags, objects, labels nested per task', (_file, fixture) => {
		const records = fixture.response.records as Array<Record<string, unknown>>;
		expect(records.map((record) => simplifyRecord('flow', record as never, fixture.request))).toEqual(fixture.expected);
	});
});
