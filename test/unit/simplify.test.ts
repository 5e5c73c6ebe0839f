import { confidenceWord, rawRecord, simplifyRecord } from '../../nodes/Ximilar/output/simplify';
import { parseJsonObject } from '../../nodes/Ximilar/records/jsonObject';

describe('simplified output', () => {
	const card = {
		_id: 'a1',
		_status: { code: 200, text: 'OK' },
		_objects: [
			{
				name: 'Card',
				_identification: {
					best_match: {
						name: 'Charizard',
						full_name: 'Charizard Base Set 4/102',
						set: 'Base Set',
						set_code: 'BS',
						card_number: '4/102',
						year: 1999,
						rarity: 'Holo Rare',
						links: { 'tcgplayer.com': 'https://tcgplayer.com/x' },
						pricing: { list: [{ price: 300, currency: 'USD' }, { price: 100, currency: 'USD' }, { price: 200, currency: 'USD' }] },
					},
					alternatives: [{}, {}],
					distances: [0.31, 0.5],
				},
			},
		],
	};

	it('flattens a card identification into spreadsheet columns', () => {
		expect(simplifyRecord('collectibles', card)).toEqual({
			_id: 'a1',
			_status: { code: 200, text: 'OK' },
			name: 'Charizard',
			full_name: 'Charizard Base Set 4/102',
			set: 'Base Set',
			set_code: 'BS',
			card_number: '4/102',
			year: '1999',
			rarity: 'Holo Rare',
			subcategory: null,
			distance: 0.31,
			confidence: 'medium',
			alternatives: 2,
			objects_found: 1,
			price_median: 200,
			price_currency: 'USD',
			price_listings: 3,
			link: 'https://tcgplayer.com/x',
			link_site: 'tcgplayer.com',
		});
	});

	it('reports an identification error instead of a match', () => {
		const summary = simplifyRecord('collectibles', { _objects: [{ _identification: { error: 'No match found' } }] });
		expect(summary).toEqual(expect.objectContaining({ name: null, identification_error: 'No match found', confidence: null }));
	});

	it('turns distances into a confidence word', () => {
		expect([0.1, 0.3, 0.6, null].map(confidenceWord)).toEqual(['high', 'medium', 'low', null]);
	});

	it('summarizes tags, colors and classification', () => {
		expect(
			simplifyRecord('tags', {
				_tags: { Category: [{ name: 'Sneakers', prob: 0.9 }], Color: [{ name: 'red', prob: 0.8 }] },
				_tags_map: { Category: 'Sneakers' },
			}),
		).toEqual(expect.objectContaining({ top_category: 'Sneakers', tags: ['Sneakers', 'red'] }));
		expect(simplifyRecord('colors', { _dominant_colors: { rgb_hex_colors: ['#ff0000'] } }).colors_hex).toEqual(['#ff0000']);
		expect(simplifyRecord('classification', { best_label: { name: 'cat', prob: 0.97 } })).toEqual(
			expect.objectContaining({ best_label: 'cat', probability: 0.97 }),
		);
	});

	it('never outputs the image data', () => {
		expect(rawRecord({ _id: 'x', _base64: 'AAAA', a: 1 })).toEqual({ _id: 'x', a: 1 });
		expect(simplifyRecord('raw', { _id: 'x', _base64: 'AAAA' })).toEqual({ _id: 'x', _status: null });
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
