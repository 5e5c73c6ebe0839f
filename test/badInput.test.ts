/**
 * Bad-input catalogue: every kind of bad input, each in a batch with good
 * items, must give a clear message that names the item and says what to fix, and leave
 * the good items' results intact. Without Continue On Fail the node must throw an error
 * naming the (first) bad item. Cases: test/support/badInputCases.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode, type RunResult } from './harness/engine';
import { FORBIDDEN_TOKEN, XimilarSimulator } from './simulator';
import { badInputCases, type BadInputCase } from './support/badInputCases';
import { failureOf, pairedIndex } from './support/outputs';

const TOKEN = 'sim-token-bad-input-0001';
const REJECTED_TOKEN = 'revoked-token-bad-input-0002';

let sim: XimilarSimulator;
beforeAll(async () => {
	sim = await XimilarSimulator.start({ tokens: [TOKEN] });
});
afterAll(async () => await sim.close());

const CASES = badInputCases();

async function run(testCase: BadInputCase, onError: 'continueRegularOutput' | 'stopWorkflow'): Promise<RunResult> {
	sim.reset();
	testCase.setup?.(sim);
	const apiToken = testCase.token === 'rejected' ? REJECTED_TOKEN : testCase.token === 'forbidden' ? FORBIDDEN_TOKEN : TOKEN;
	return await runNode({
		parameters: testCase.parameters,
		items: testCase.items,
		credentials: { apiToken, apiUrl: sim.url },
		onError,
	});
}

/** The message without its ` [item <i>]` suffix (n8n's way of naming the item), checking the suffix names item i, once. */
function unprefixed(message: string, itemIndex: number): string {
	expect(message.endsWith(` [item ${itemIndex}]`)).toBe(true);
	expect(message.match(/\[item \d+\]/g)).toHaveLength(1);
	return message.slice(0, -` [item ${itemIndex}]`.length);
}

/** A good item's Simplified row: its own ID, and the card Ximilar identified (card rows) or the image's status (the others). */
function defaultGoodResult(json: IDataObject, index: number): void {
	expect(json._id).toBe(`good-${index}`);
	if ('status_code' in json) expect(json.status_code).toBe(200);
	else expect(json.name).toEqual(expect.any(String));
}

function checkRequests(testCase: BadInputCase): void {
	if (testCase.noRequest) expect(sim.log).toHaveLength(0);
	const sent = sim.log.flatMap((entry) => entry.recordIds);
	for (const refused of testCase.neverSent ?? []) expect(sent).not.toContain(refused);
	// Rejections (400, 401, 403) are never retried: at most one request per batch.
	if (testCase.token) expect(sim.log.length).toBeLessThanOrEqual(1);
}

it('catalogues at least 20 kinds of bad input', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(20);
	expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

describe.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
	it('with Continue On Fail: names the bad item, says what to fix, keeps the good items', async () => {
		const result = await run(testCase, 'continueRegularOutput');
		expect(result.error).toBeUndefined();
		expect(result.main).toHaveLength(testCase.items.length);
		const texts: string[] = [];
		result.main.forEach((item, index) => {
			expect(pairedIndex(item)).toBe(index);
			const failure = failureOf(item);
			if (!testCase.bad.includes(index)) {
				expect(failure).toBeUndefined();
				(testCase.goodResult ?? defaultGoodResult)(item.json, index);
				return;
			}
			expect(failure?.message.endsWith(` [item ${index}]`)).toBe(true);
			const text = unprefixed(failure!.message, index);
			expect(text).toMatch(testCase.message);
			expect(`${failure!.message}\n${failure!.description}`).toMatch(testCase.fix);
			texts.push(text);
		});
		if (testCase.nodeLevel) {
			expect(testCase.bad).toEqual(testCase.items.map((_, index) => index));
			expect(new Set(texts).size).toBe(1);
		}
		checkRequests(testCase);
	});

	it('without Continue On Fail: throws an error naming the first bad item', async () => {
		const result = await run(testCase, 'stopWorkflow');
		expect(result.status).toBe('error');
		expect(result.main).toHaveLength(0);
		const first = testCase.bad[0];
		expect(result.error?.message.endsWith(` [item ${first}]`)).toBe(true);
		const text = unprefixed(result.error!.message, first);
		expect(text).toMatch(testCase.message);
		expect(`${result.error!.message}\n${result.error!.description ?? ''}`).toMatch(testCase.fix);
		checkRequests(testCase);
	});
});
