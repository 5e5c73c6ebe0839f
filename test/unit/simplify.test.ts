import { confidenceWord, rawRecord, simplifyRecord } from '../../nodes/Ximilar/output/simplify';
import { parseJsonObject } from '../../nodes/Ximilar/records/jsonObject';

describe('simplified output', () => {
	it('turns distances into Ximilar\'s own confidence words (<= 0.18 high, <= 0.30 medium)', () => {
		expect([0.1, 0.18, 0.181, 0.3, 0.31, null].map(confidenceWord)).toEqual(['high', 'high', 'medium', 'medium', 'low', null]);
	});

	it('puts technical columns last and flat: _id, _url, status_code (no request ids)', () => {
		const [row] = simplifyRecord('classification', {
			_id: 'x',
			_url: 'https://e.com/a.jpg',
			_status: { code: 200, text: 'OK', request_id: 'r' },
			best_label: { name: 'cat', prob: 0.97 },
		});
		expect(Object.keys(row)).toEqual(['best_label', 'probability', 'labels', '_id', '_url', 'status_code']);
		expect(row.status_code).toBe(200);
	});

	it('gives one row per card found, the slab label never taken for the card', () => {
		const card = (name: string) => ({ name: 'Card', _identification: { best_match: { name }, distances: [0.1] } });
		const slab = { name: 'Slab Label', _identification: { best_match: { name: 'not a card', grade_value: '9' } } };
		const rows = simplifyRecord('tcgCard', { _objects: [slab, card('A'), card('B')] }, { analyze_all: true });
		expect(rows.map((row) => [row.name, row.card_index, row.slab_grade])).toEqual([
			['A', 1, '9'],
			['B', 2, '9'],
		]);
	});

	it('keeps one row for a record with no card, so no item disappears', () => {
		expect(simplifyRecord('sportCard', { _id: 'e', _objects: [] })).toHaveLength(1);
	});

	it('never outputs the image data', () => {
		expect(rawRecord({ _id: 'x', _base64: 'AAAA', a: 1 })).toEqual({ _id: 'x', a: 1 });
		expect(simplifyRecord('raw', { _id: 'x', _base64: 'AAAA' })).toEqual([{ _id: 'x' }]);
	});
});

describe('JSON object parameters', () => {
	it('accepts objects, empty values and JSON text', () => {
		expect(parseJsonObject('{"a": 1}', 'X')).toEqual({ value: { a: 1 } });
		expect(parseJsonObject({ a: 1 }, 'X')).toEqual({ value: { a: 1 } });
		expect(parseJsonObject('', 'X')).toEqual({ value: {} });
		expect(parseJsonObject(undefined, 'X')).toEqual({ value: {} });
	});

	it('says what is wrong otherwise', () => {
		expect(parseJsonObject('{a: 1', 'Filter')).toEqual({ problem: expect.stringContaining('Filter is not valid JSON') });
		expect(parseJsonObject('[1]', 'Filter')).toEqual({ problem: expect.stringContaining('not a list') });
		expect(parseJsonObject('"text"', 'Filter')).toEqual({ problem: expect.stringContaining('not string') });
	});
});
