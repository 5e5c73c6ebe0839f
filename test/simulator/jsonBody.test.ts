import { randomBytes } from 'crypto';

import { parseJsonBody } from './jsonBody';

const image = (bytes: number, seed = 1) => Buffer.from(Array.from({ length: bytes }, (_, i) => (seed * 31 + i * 7) & 0xff)).toString('base64');
const body = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const parseBoth = (buf: Buffer) => {
	let expected: unknown;
	let expectedError = false;
	try {
		expected = JSON.parse(buf.toString('utf8'));
	} catch {
		expectedError = true;
	}
	if (expectedError) {
		expect(() => parseJsonBody(buf)).toThrow();
		return undefined;
	}
	const parsed = parseJsonBody(buf);
	expect(parsed).toEqual(expected);
	return parsed;
};

describe('the simulator reads a request body as JSON.parse does', () => {
	it('gives the same records, images in their place, for a body of big images among other fields', () => {
		const records = [
			{ _id: 'a', _base64: image(300_000, 1), note: 'résumé ✓' },
			{ _id: 'b', _url: 'https://example.com/x.jpg' },
			{ _id: 'c', _base64: 'iVBORw0KGgo=' },
			{ _id: 'd', _base64: image(9_000, 2), _base64_note: '"_base64":"' },
		];
		const parsed = parseBoth(body({ lang: 'ü', records })) as { records: Array<{ _base64?: string }> };
		expect(parsed.records[0]._base64).toBe(records[0]._base64);
		expect(parsed.records[3]._base64).toBe(records[3]._base64);
	});

	it('leaves to JSON.parse what is not exact base64, and refuses what it refuses', () => {
		const big = image(30_000);
		parseBoth(body({ records: [{ _base64: big.replace(/A/g, '-') }] })); // URL-safe alphabet
		parseBoth(body({ records: [{ _base64: `${big.slice(0, 1000)}\n${big.slice(1000)}` }] })); // escaped line break
		parseBoth(Buffer.from(`{"records":[{"_base64":"${big.slice(0, 1000)}\n${big.slice(1000)}"}]}`)); // raw line break: invalid
		parseBoth(Buffer.from(`{"records":[{"_base64":"${big}"}`)); // cut short
		parseBoth(Buffer.from(`{"records":[{"_base64":"${big}`)); // unterminated
		parseBoth(Buffer.from(`{"a":"x"_base64":"${big}"}`)); // the key outside an object
		parseBoth(Buffer.from(`{"records":[{"_base64":"${big}"}]}\u0000`));
		parseBoth(body({ records: [{ _base64: `${big.slice(0, 5000)}é${big.slice(5000)}` }] }));
		parseBoth(body({ records: [{ _base64: 12 }], text: 'a\\"_base64\\":\\"' }));
	});

	it('agrees with JSON.parse on random bodies around the key', () => {
		const pieces = ['"_base64":"', image(6_000), '"', '{', '}', '[', ']', ',', ':', '\\', 'é', ' ', '\u0000', '"_id":"x"', '12'];
		let valid = 0;
		for (let round = 0; round < 2000; round++) {
			const picks = randomBytes(1 + (round % 8));
			const text = Array.from(picks, (b) => pieces[b % pieces.length]).join('');
			if (parseBoth(Buffer.from(`{"records":[{${text}}]}`)) !== undefined) valid++;
			if (parseBoth(Buffer.from(`{"records":[{"_base64":"${pieces[1]}"${text}}]}`)) !== undefined) valid++;
		}
		// Some of the bodies are valid JSON (the rest must be refused by both).
		expect(valid).toBeGreaterThan(20);
	});
});
