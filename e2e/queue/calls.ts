/**
 * Concurrent calls to the production webhook, each with image files (multipart) and image URLs,
 * and the checks on their answers: every item's result, in order, and the uploaded bytes intact.
 *
 * Each call uploads some of the five demo cards as files and lists all five as URLs served by the
 * simulator (plus URLs of other images). The simulator derives a result from the image's bytes,
 * so a file and the URL of the same card must get the same identification: that holds only if the
 * bytes the worker sent are the bytes uploaded to main.
 */
import { demoCards } from '../../test/fixtures/images';
import { check, show } from '../lib/report';

const cards = demoCards();
const URLS_PER_CALL = 12; // two requests of at most 10 records

export interface CallPlan {
	call: string;
	files: Array<{ field: string; fileName: string; card: number; bytes: Buffer }>;
	urls: string[];
	/** `_id` of every answer item, in the order the answer must list them. */
	expectedIds: string[];
}

export interface CallResult {
	plan: CallPlan;
	status: number;
	ms: number;
	items: Array<Record<string, any>>;
	error?: string;
}

export function planCalls(count: number, simUrl: string): CallPlan[] {
	return Array.from({ length: count }, (_, index) => {
		const call = `c${String(index + 1).padStart(2, '0')}`;
		// 1 to 3 files, different cards in a different order per call.
		const files = Array.from({ length: 1 + (index % 3) }, (_, f) => {
			const card = (index + 2 * f) % cards.length;
			return { field: `file${f}`, fileName: `${call}-f${f}-${cards[card].fileName}`, card, bytes: cards[card].buffer };
		});
		const urls = Array.from({ length: URLS_PER_CALL }, (_, u) =>
			u < cards.length ? `${simUrl}/samples/${cards[u].fileName}` : `https://images.example.com/queue/${call}/photo-${u}.jpg`,
		);
		return { call, files, urls, expectedIds: [...files.map((_, f) => `${call}-f${f}`), ...urls.map((_, u) => `${call}-u${u}`)] };
	});
}

async function send(webhookUrl: string, plan: CallPlan): Promise<CallResult> {
	const form = new FormData();
	form.append('call', plan.call);
	form.append('urls', JSON.stringify(plan.urls));
	for (const file of plan.files) form.append(file.field, new Blob([file.bytes], { type: 'image/png' }), file.fileName);
	const started = Date.now();
	try {
		const response = await fetch(webhookUrl, { method: 'POST', body: form, signal: AbortSignal.timeout(120_000) });
		const text = await response.text();
		let items: Array<Record<string, any>> = [];
		try {
			const parsed = JSON.parse(text) as unknown;
			items = Array.isArray(parsed) ? parsed : [parsed as Record<string, any>];
		} catch {
			return { plan, status: response.status, ms: Date.now() - started, items, error: text.slice(0, 300) };
		}
		return { plan, status: response.status, ms: Date.now() - started, items };
	} catch (error) {
		return { plan, status: 0, ms: Date.now() - started, items: [], error: (error as Error).message };
	}
}

/** All calls at once. */
export async function callConcurrently(webhookUrl: string, plans: CallPlan[]): Promise<CallResult[]> {
	return await Promise.all(plans.map((plan) => send(webhookUrl, plan)));
}

/** What identifies a card in a result: every field except the record's own (`_id`, `_url`, ...). */
const identification = (item: Record<string, any> | undefined): string =>
	JSON.stringify(Object.entries(item ?? {}).filter(([key]) => !key.startsWith('_')));

export function checkAnswers(results: CallResult[]): void {
	const failed = results.filter((result) => result.status !== 200);
	check(`queue: all ${results.length} concurrent webhook calls answered HTTP 200`, failed.length === 0, show(failed.map((result) => [result.plan.call, result.status, result.error])));
	const disordered = results.filter((result) => JSON.stringify(result.items.map((item) => item._id)) !== JSON.stringify(result.plan.expectedIds));
	check(
		'queue: every answer lists every item\'s result, files then URLs, each in input order (by _id)',
		disordered.length === 0,
		show(disordered.slice(0, 2).map((result) => ({ call: result.plan.call, expected: result.plan.expectedIds, got: result.items.map((item) => item._id) }))),
	);
	const notOk = results.flatMap((result) => result.items.filter((item) => item.status_code !== 200 || item.error !== undefined));
	check('queue: every record came back with status_code 200 and no error', notOk.length === 0, show(notOk.slice(0, 3)));

	// The URL of card k is item u<k> of every answer: each card's identification by URL.
	const byUrl = cards.map((_, card) => new Set(results.map((result) => identification(result.items.find((item) => item._id === `${result.plan.call}-u${card}`)))));
	check(
		'queue: each demo card has one identification by URL in all answers, and the five differ',
		byUrl.every((set) => set.size === 1) && new Set(byUrl.map((set) => [...set][0])).size === cards.length,
		show(byUrl.map((set) => set.size)),
	);
	const expected = byUrl.map((set) => [...set][0]);
	const mismatched = results.flatMap((result) =>
		result.plan.files
			.map((file, f) => ({ call: result.plan.call, file: file.fileName, got: identification(result.items.find((item) => item._id === `${result.plan.call}-f${f}`)), want: expected[file.card] }))
			.filter((entry) => entry.got !== entry.want),
	);
	const fileCount = results.reduce((sum, result) => sum + result.plan.files.length, 0);
	check(`queue: all ${fileCount} uploaded files got the identification of their card (the bytes reached Ximilar unchanged)`, mismatched.length === 0, show(mismatched.slice(0, 2)));
	const times = results.map((result) => result.ms).sort((a, b) => a - b);
	console.log(`queue: answer times ${times[0]}-${times[times.length - 1]} ms (median ${times[Math.floor(times.length / 2)]} ms)`);
}
