/**
 * The bad-input catalogue, shared by test/badInput.test.ts (clear messages,
 * good items intact) and test/tokenSafety.test.ts (no token in any of those paths).
 *
 * Every case mixes good items with the bad input. Per-item problems put the bad item in
 * the middle (index 1 of 3), so that the items on both sides of it are checked.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { makeBigImage, makeJpeg, sampleBytes, type SampleKind } from '../fixtures/images';
import type { InputItem } from '../harness/engine';
import type { XimilarSimulator } from '../simulator';

export const TCG_PATH = '/collectibles/v2/tcg_id';
export const COLLECTION_ID = 'c0ffee00-0000-4000-a000-000000000001';

export interface BadInputCase {
	name: string;
	parameters: INodeParameters;
	items: InputItem[];
	/** Indexes of the items that must fail; every other item must succeed. */
	bad: number[];
	/** A node-level setting is wrong: every item fails, with the same message. */
	nodeLevel?: boolean;
	/** What the message must say, after its `Item <i>: ` prefix. */
	message: RegExp;
	/** What to fix: must be found in the message or its description. */
	fix: RegExp;
	/** Which token the credential holds: the accepted one (default), a rejected one, the forbidden one. */
	token?: 'rejected' | 'forbidden';
	/** The problem is found before any request: nothing may reach Ximilar (no credit spent). */
	noRequest?: boolean;
	/** Record IDs refused locally, that must never be sent. */
	neverSent?: string[];
	/** Arrange the simulator (faults, collections) before each run. */
	setup?: (sim: XimilarSimulator) => void;
	/** How a good item's result looks; default: a recognition result for its record ID. */
	goodResult?: (json: IDataObject, index: number) => void;
}

const id = (index: number, bad: boolean) => (bad ? `bad-${index}` : `good-${index}`);
const goodUrl = (index: number) => `https://img.example.com/card-${index}.jpg`;
const goodJpeg = (index: number) => ({ data: makeJpeg(index + 1), mimeType: 'image/jpeg', fileName: `card-${index}.jpg` });

/** Recognize (trading cards) with a record ID per item. */
function recognize(source: 'url' | 'binary' | 'base64', extra: INodeParameters = {}): INodeParameters {
	const sourceParameters: INodeParameters =
		source === 'url'
			? { imageSource: 'url', imageUrl: '={{ $json.url }}' }
			: source === 'binary'
				? { imageSource: 'binary', binaryPropertyName: 'data' }
				: { imageSource: 'base64', base64Image: '={{ $json.b64 }}' };
	return {
		resource: 'image',
		operation: 'recognize',
		service: 'tcgId',
		recordId: '={{ $json.id }}',
		...sourceParameters,
		...extra,
	};
}

/** Three URL items; item 1 gets `badJson` merged into its json. */
function urlItems(badJson?: IDataObject, goodJson: IDataObject = {}): InputItem[] {
	return [0, 1, 2].map((index) => {
		const bad = index === 1 && badJson !== undefined;
		return { json: { id: id(index, bad), url: goodUrl(index), ...goodJson, ...(bad ? badJson : {}) } };
	});
}

/** Three binary items; item 1 is `bad`. */
function binaryItems(bad: InputItem): InputItem[] {
	return [
		{ json: { id: id(0, false) }, binary: { data: goodJpeg(0) } },
		{ ...bad, json: { id: id(1, true), ...bad.json } },
		{ json: { id: id(2, false) }, binary: { data: goodJpeg(2) } },
	];
}

function formatCase(kind: SampleKind, fileName: string, format: RegExp): BadInputCase {
	return {
		name: `unsupported format: ${fileName}`,
		parameters: recognize('binary'),
		items: binaryItems({ binary: { data: { data: sampleBytes(kind), mimeType: 'image/jpeg', fileName } } }),
		bad: [1],
		// e.g. 'The binary file "photo.avif" is in AVIF format, which Ximilar cannot read'
		message: new RegExp(`The binary file "${fileName.replace('.', '\\.')}" is .*\\b${format.source}\\b.*, which Ximilar cannot read`),
		fix: /Convert it to JPEG, PNG or WEBP/,
		neverSent: ['bad-1'],
	};
}

/** A request-level failure on the second of three requests (one record per request, one at a time). */
function onSecondRequest(name: string, fault: Parameters<XimilarSimulator['queueFaults']>[0], options: IDataObject) {
	return {
		name,
		parameters: recognize('url', { options: { recordsPerRequest: 1, parallelRequests: 1, ...options } }),
		items: urlItems({}),
		bad: [1],
		setup: (sim: XimilarSimulator) => sim.queueFaults({ kind: 'delay', ms: 0 }, fault),
	};
}

const ALL = [0, 1, 2];

export function badInputCases(): BadInputCase[] {
	return [
		// ------------------------------------------------------------- binary files
		{
			name: 'missing binary property',
			parameters: recognize('binary'),
			items: binaryItems({ json: {} }),
			bad: [1],
			message: /No binary file in the property "data"/,
			fix: /Read or download the image first|Image URL/,
			neverSent: ['bad-1'],
		},
		{
			name: 'binary file under another property name',
			parameters: recognize('binary'),
			items: binaryItems({ binary: { attachment: goodJpeg(1) } }),
			bad: [1],
			message: /No binary file in the property "data"/,
			fix: /attachment.*Input Binary Field/,
			neverSent: ['bad-1'],
		},
		{
			name: 'empty file',
			parameters: recognize('binary'),
			items: binaryItems({ binary: { data: { data: sampleBytes('empty'), mimeType: 'image/jpeg', fileName: 'empty.jpg' } } }),
			bad: [1],
			message: /The binary file "empty\.jpg" is empty/,
			fix: /Check the node that produced the file/,
			neverSent: ['bad-1'],
		},
		formatCase('avif', 'photo.avif', /AVIF/),
		formatCase('svg', 'logo.svg', /SVG/),
		formatCase('pdf', 'scan.pdf', /PDF/),
		formatCase('heif', 'photo.heif', /HEIF/),
		formatCase('psd', 'design.psd', /PSD/),
		formatCase('jp2', 'scan.jp2', /JPEG 2000/),
		{
			name: 'text file with an image name',
			parameters: recognize('binary'),
			items: binaryItems({ binary: { data: { data: sampleBytes('text'), mimeType: 'image/jpeg', fileName: 'card.jpg' } } }),
			bad: [1],
			message: /The binary file "card\.jpg" is not an image/,
			fix: /Convert it to JPEG, PNG or WEBP/,
			neverSent: ['bad-1'],
		},

		{
			name: 'image larger than Max Request Size',
			parameters: recognize('binary', { options: { maxRequestSizeMb: 0.1 } }),
			items: binaryItems({ binary: { data: { data: makeBigImage(150_000, 1), mimeType: 'image/png', fileName: 'huge.png' } } }),
			bad: [1],
			// 150 KB as base64 is about 0.19 MB of request body.
			message: /^The image is 0\.2 MB in the request \(base64 makes an image about a third larger than its file\), more than Max Request Size \(0\.1 MB\)$/,
			fix: /Make the image smaller before this node.*raise Max Request Size.*no credit was spent/,
			neverSent: ['bad-1'],
		},

		// ------------------------------------------------------------- URLs and base64
		{
			name: 'URL that is not http(s)',
			parameters: recognize('url'),
			items: urlItems({ url: 'ftp://files.example.com/card.jpg' }),
			bad: [1],
			message: /The image URL must start with http:\/\/ or https:\/\//,
			fix: /public web link|Image Source "Binary File"/,
			neverSent: ['bad-1'],
		},
		{
			name: 'URL without a scheme',
			parameters: recognize('url'),
			items: urlItems({ url: 'img.example.com/card.jpg' }),
			bad: [1],
			message: /"img\.example\.com\/card\.jpg" is not a URL/,
			fix: /full public link such as https:\/\//,
			neverSent: ['bad-1'],
		},
		{
			name: 'URL with a line break and a second URL',
			parameters: recognize('url'),
			items: urlItems({ url: `${goodUrl(1)}\nhttps://other.example.com/card.jpg` }),
			bad: [1],
			message: /^The image URL contains a line break$/,
			fix: /Map one link per item/,
			neverSent: ['bad-1'],
		},
		{
			name: 'unreachable image URL',
			parameters: recognize('url'),
			items: urlItems({ url: 'https://cdn.shop.invalid/card.jpg' }),
			bad: [1],
			message: /Image could not be downloaded from URL/,
			// Ximilar only says what happened; the node should say what to do about it.
			fix: /\b(check|make sure|public|reachable|direct link)\b/i,
		},
		{
			name: 'invalid base64',
			parameters: recognize('base64'),
			items: [0, 1, 2].map((index) => ({
				json: { id: id(index, index === 1), b64: index === 1 ? 'this is not base64!' : makeJpeg(index + 1).toString('base64') },
			})),
			bad: [1],
			message: /The base64 image is not valid base64/,
			fix: /raw base64 or a data URI/,
			neverSent: ['bad-1'],
		},

		{
			name: 'base64 mixing the standard and URL-safe alphabets',
			parameters: recognize('base64'),
			items: [0, 1, 2].map((index) => {
				const b64 = makeJpeg(index + 1).toString('base64');
				return { json: { id: id(index, index === 1), b64: index === 1 ? `${b64.slice(0, 8)}-_${b64.slice(10)}` : b64 } };
			}),
			bad: [1],
			message: /^The base64 image mixes the standard \(\+ \/\) and URL-safe \(- _\) alphabets, so it cannot be decoded$/,
			fix: /Encode the whole image one way/,
			neverSent: ['bad-1'],
		},

		// ------------------------------------------------------------- JSON parameters
		{
			name: 'Additional Image Fields (Options) that is a list, not an object',
			parameters: recognize('url', { options: { additionalFields: '={{ $json.extra }}' } }),
			items: urlItems({ extra: '["SV01"]' }, { extra: '{"set_code": "SV01"}' }),
			bad: [1],
			message: /Additional Image Fields must be a JSON object such as \{"key": "value"\}, not a list/,
			fix: /such as \{"key": "value"\}/,
			neverSent: ['bad-1'],
		},
		{
			// Where a workflow saved before the field moved into Options holds it.
			name: 'Additional Image Fields (saved at the top level) that is not JSON',
			parameters: recognize('url', { additionalFields: '={{ $json.extra }}' }),
			items: urlItems({ extra: '{set_code: SV01}' }, { extra: '{"set_code": "SV01"}' }),
			bad: [1],
			message: /Additional Image Fields is not valid JSON/,
			fix: /write an object such as/,
			neverSent: ['bad-1'],
		},
		{
			name: 'search filter that is not JSON',
			parameters: {
				resource: 'collection',
				operation: 'search',
				collectionType: 'product',
				collectionId: COLLECTION_ID,
				queryBy: 'image',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
				filter: '={{ $json.filter }}',
			},
			items: urlItems({ filter: '{"category": shoes}' }, { filter: '{"category": "shoes"}' }),
			bad: [1],
			message: /Filter is not valid JSON/,
			fix: /MongoDB syntax/,
			setup: (sim) => sim.createCollection(COLLECTION_ID),
			goodResult: (json, index) => {
				if (json.query_url !== goodUrl(index) || typeof json.match_count !== 'number') {
					throw new Error(`item ${index} is not a search result: ${JSON.stringify(json)}`);
				}
			},
		},

		// ------------------------------------------------------------- numbers from expressions, held to the panel's limits
		{
			name: 'Number of Results (k) that is not a number',
			parameters: {
				resource: 'collection',
				operation: 'search',
				collectionType: 'product',
				collectionId: COLLECTION_ID,
				queryBy: 'image',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
				k: '={{ $json.k }}',
			},
			items: urlItems({ k: 'ten' }, { k: 5 }),
			bad: [1],
			message: /^Number of Results must be a whole number from 1 to 1000 \(got "ten"\)$/,
			fix: /Map a whole number of matches/,
			setup: (sim) => sim.createCollection(COLLECTION_ID),
			goodResult: (json, index) => {
				if (json.query_url !== goodUrl(index) || typeof json.match_count !== 'number') {
					throw new Error(`item ${index} is not a search result: ${JSON.stringify(json)}`);
				}
			},
		},
		{
			name: 'Number of Colors above the most the panel allows',
			parameters: recognize('url', { service: 'productColors', serviceOptions: { colors: '={{ $json.colors }}' } }),
			items: urlItems({ colors: 50 }, { colors: '4' }),
			bad: [1],
			message: /^Number of Colors must be a whole number from 1 to 12 \(got 50\)$/,
			fix: /Fix it under Service Options/,
			neverSent: ['bad-1'],
		},
		{
			name: 'Minimum Probability outside 0 to 1',
			parameters: recognize('url', { service: 'customDetect', task: 'task-1', serviceOptions: { keepProb: '={{ $json.keep }}' } }),
			items: urlItems({ keep: '1.5' }, { keep: 0.4 }),
			bad: [1],
			message: /^Minimum Probability must be a number from 0 to 1 \(got "1\.5"\)$/,
			fix: /Fix it under Service Options/,
			neverSent: ['bad-1'],
		},
		{
			name: 'Wait Timeout that is not a number',
			parameters: {
				resource: 'image',
				operation: 'gradeCard',
				gradingEndpoint: 'grade',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
				waitTimeout: '={{ "five minutes" }}',
			},
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			noRequest: true,
			message: /^Wait Timeout \(Seconds\) must be a whole number of at least 1 \(got "five minutes"\)$/,
			fix: /how many seconds to wait/,
		},

		// ------------------------------------------------------------- node-level settings
		{
			name: 'Images per Request 0',
			parameters: recognize('url', { options: { recordsPerRequest: 0 } }),
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			noRequest: true,
			message: /Images per Request must be a whole number from 1 to 10 \(got 0\)/,
			fix: /Fix the value under Options/,
		},
		{
			name: 'Images per Request 11',
			parameters: recognize('url', { options: { recordsPerRequest: 11 } }),
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			noRequest: true,
			message: /Images per Request must be a whole number from 1 to 10 \(got 11\)/,
			fix: /Fix the value under Options/,
		},
		// n8n itself refuses to run a node whose required parameter is literally empty
		// (WorkflowHasIssuesError), so these reach the node as blanks or as expressions
		// that resolve to nothing, as they do for users mapping them from their data.
		{
			name: 'blank Task ID for custom recognition',
			parameters: recognize('url', { service: 'customClassify', task: '   ' }),
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			noRequest: true,
			message: /Task is empty/,
			fix: /the task you trained in the Ximilar App: choose it from the list, or enter its ID/,
		},
		{
			name: 'Task ID mapped from a field the items lack',
			parameters: recognize('url', { service: 'customClassify', task: '={{ $json.task }}' }),
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			noRequest: true,
			message: /Task is empty/,
			fix: /the task you trained in the Ximilar App: choose it from the list, or enter its ID/,
		},
		{
			name: 'missing Collection ID',
			parameters: {
				resource: 'collection',
				operation: 'search',
				collectionType: 'product',
				collectionId: '={{ $json.collection }}',
				queryBy: 'image',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
			},
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			noRequest: true,
			message: /Collection ID is empty/,
			fix: /Copy the ID of your collection/,
		},
		{
			name: 'Collection ID with a line break (it goes in a header)',
			parameters: {
				resource: 'collection',
				operation: 'search',
				collectionType: 'product',
				collectionId: '={{ $json.collection }}',
				queryBy: 'image',
				imageSource: 'url',
				imageUrl: '={{ $json.url }}',
			},
			items: urlItems({ collection: `${COLLECTION_ID}\r\nX-Injected: yes` }, { collection: COLLECTION_ID }),
			bad: [1],
			message: /^Collection ID contains a line break, which cannot be sent in an HTTP header$/,
			fix: /Map only the ID of your collection/,
			setup: (sim) => sim.createCollection(COLLECTION_ID),
			goodResult: (json, index) => {
				if (json.query_url !== goodUrl(index) || typeof json.match_count !== 'number') {
					throw new Error(`item ${index} is not a search result: ${JSON.stringify(json)}`);
				}
			},
		},
		{
			name: 'rejected token (401)',
			parameters: recognize('url'),
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			token: 'rejected',
			message: /The API token was rejected/,
			fix: /check the Ximilar credential|Copy the token again/,
		},
		{
			name: 'forbidden (403)',
			parameters: recognize('url'),
			items: urlItems(),
			bad: ALL,
			nodeLevel: true,
			token: 'forbidden',
			message: /The API token was rejected|permission/,
			fix: /check the Ximilar credential|Copy the token again|permission/,
		},

		// ------------------------------------------------------------- Ximilar and the network
		{
			...onSecondRequest(
				'Ximilar 400 with a detail',
				{ kind: 'status', status: 400, body: { detail: 'Unknown language "xx": use one of en, cs.' } },
				{},
			),
			message: /Ximilar rejected the request: Unknown language "xx": use one of en, cs/,
			fix: /Check the node parameters/,
		},
		{
			...onSecondRequest('malformed JSON reply', { kind: 'malformed' }, { maxRetries: 0 }),
			message: /Ximilar sent a reply that is not JSON/,
			fix: /Check the API URL in the credential/,
		},
		{
			...onSecondRequest('timeout', { kind: 'delay', ms: 2500 }, { maxRetries: 0, timeout: 1 }),
			message: /No answer from Ximilar within 1 s/,
			fix: /Raise the "Timeout" option/,
		},
	];
}
