import type { IDataObject } from 'n8n-workflow';

import { matchById } from '../../nodes/Ximilar/engine/batching/matchById';
import { readPartialAnswer } from '../../nodes/Ximilar/transport/partialAnswers';
import { responseFixtures, type ResponseFixture } from '../fixtures/responses';

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
	it('has fixtures for insert, delete and get, and for answers that list no records (only a status, an empty body)', () => {
		expect(new Set(collection.map((fixture) => fixture.service))).toEqual(new Set(['insert', 'delete', 'get']));
		const listless = collection.filter((fixture) => !['records', 'skipped_records', 'answer_records'].some((key) => key in fixture.response));
		expect(listless.map((fixture) => Object.keys(fixture.response).join(',') || 'empty').sort()).toEqual(['empty', 'empty', 'status']);
	});

	/** The answer as the transport hands it on: an empty body, or the HTTP status of a body without one, read as Ximilar sent them. */
	function answer(fixture: ResponseFixture): IDataObject {
		const empty = Object.keys(fixture.response).length === 0;
		const read = readPartialAnswer({ statusCode: fixture.httpStatus ?? 200, body: empty ? '' : fixture.response }, '');
		return read?.kind === 'ok' ? read.body : fixture.response;
	}

	it.each(collection.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
		const ids = fixture.request.ids as string[];
		const outcomes = matchById(ids, answer(fixture), fixture.service);
		expect(outcomes.map((outcome) => [view(outcome)])).toEqual(fixture.expected);
	});

	it('gives the reason and the fix by code, not by text', () => {
		const [dup] = matchById(['a'], { skipped_records: [{ _id: 'a', _status: { code: 411, text: 'whatever words' } }] }, 'insert');
		expect(dup).toEqual({
			failure: expect.objectContaining({ message: 'Image "a" is already in the collection', statusText: 'whatever words' }),
		});
		expect('failure' in dup && dup.failure.description).toContain('Use Update');
	});
});
