import { matchById } from '../../nodes/Ximilar/engine/batching/matchById';
import { responseFixtures } from '../fixtures/responses';

const collection = responseFixtures().filter((fixture) => ['insert', 'update', 'delete', 'get'].includes(fixture.service));

/** An outcome as the fixture writes it: the record's fields with ok, or the failure's code and Ximilar's text. */
function view(outcome: ReturnType<typeof matchById>[number]) {
	if ('record' in outcome) {
		const { _status: _omitted, ...fields } = outcome.record;
		return { ...fields, ok: true };
	}
	const { recordId, statusCode, statusText } = outcome.failure;
	return { _id: recordId, ...(statusCode !== undefined ? { statusCode } : {}), ...(statusText !== undefined ? { statusText } : {}) };
}

describe('collection answers matched to the records sent by _id', () => {
	it('has fixtures for insert, delete and get', () => {
		expect(new Set(collection.map((fixture) => fixture.service))).toEqual(new Set(['insert', 'delete', 'get']));
	});

	it.each(collection.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
		const ids = fixture.request.ids as string[];
		const outcomes = matchById(ids, fixture.response, fixture.service);
		expect(outcomes.map((outcome) => [view(outcome)])).toEqual(fixture.expected);
	});

	it('gives the reason and the fix by code, not by text', () => {
		const [dup] = matchById(['a'], { skipped_records: [{ _id: 'a', _status: { code: 411, text: 'whatever words' } }] }, 'insert');
		expect(dup).toEqual({
			failure: expect.objectContaining({ message: 'Record "a" is already in the collection', statusText: 'whatever words' }),
		});
		expect('failure' in dup && dup.failure.description).toContain('Use Update');
	});
});
