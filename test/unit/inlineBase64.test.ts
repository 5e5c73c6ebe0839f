import { makePng } from '../fixtures/images';
import { inlineImage } from '../../nodes/Ximilar/records/inlineBase64';
import { ReusedBuffers } from '../../nodes/Ximilar/records/reusedBuffers';

describe('inlineImage (memory binary mode)', () => {
	const file = makePng(8, 8, 5);
	const data = file.toString('base64');

	it('gives the item\'s own text and its bytes when the binary has no id and its data is exact base64', () => {
		const memory = new ReusedBuffers();
		const inline = inlineImage({ data, mimeType: 'image/png' }, memory);
		expect(inline?.base64).toBe(data);
		expect(inline?.bytes.equals(file)).toBe(true);
	});

	it.each([
		['a binary kept elsewhere (an id, data a marker)', { data: 'filesystem-v2', id: 'filesystem-v2:x' }],
		['a binary with an id, even with base64 data', { data, id: 'database:1' }],
		['a line break inside', { data: `${data.slice(0, 8)}\n${data.slice(8, -1)}` }],
		// Node's decoder takes these in full; Ximilar's does not.
		['the URL-safe alphabet', { data: `${file.subarray(0, file.length - (file.length % 3)).toString('base64')}ab-_` }],
		['a stray character', { data: `${data.slice(0, 8)}"${data.slice(9)}` }],
		['padding in the middle', { data: `QQ==${data.slice(4)}` }],
		['empty data', { data: '' }],
	])('leaves %s to n8n\'s helper', (_what, binary) => {
		expect(inlineImage({ mimeType: 'image/png', ...binary })).toBeUndefined();
	});
});
