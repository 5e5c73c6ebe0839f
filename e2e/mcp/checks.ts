/** What an MCP client sees of the Ximilar tools: the list (names, descriptions, input schemas) and the answers. */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

import type { XimilarSimulator } from '../../test/simulator';
import { check, checkEqual, filled, show } from '../lib/report';

const IDENTIFY = 'Identify_Trading_Card';
const ACCOUNT = 'Ximilar_Account_Details';
const TCG = '/collectibles/v2/tcg_id';

type Row = Record<string, unknown>;
interface Answer {
	isError: boolean;
	text: string;
	rows?: Row[];
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Answer> {
	const result = await client.callTool({ name, arguments: args });
	const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
	const text = content.map((part) => part.text ?? '').join('\n');
	let rows: Row[] | undefined;
	try {
		const parsed = JSON.parse(text) as unknown;
		rows = Array.isArray(parsed) ? (parsed as Row[]) : undefined;
	} catch {
		rows = undefined;
	}
	return { isError: result.isError === true, text, rows };
}

export async function checkToolList(client: Client, on = ''): Promise<void> {
	const { tools } = await client.listTools();
	checkEqual(`${on}mcp: tools/list offers the two Ximilar tools by their node names`, tools.map((tool) => tool.name).sort(), [IDENTIFY, ACCOUNT]);
	const identify = tools.find((tool) => tool.name === IDENTIFY);
	const account = tools.find((tool) => tool.name === ACCOUNT);
	const described = identify?.description ?? '';
	check(
		`${on}mcp: Identify_Trading_Card says what it does (trading card), what it needs (a public image URL) and what comes back (name, set, alternatives, prices)`,
		/identifies a trading card/i.test(described) && /public http\(s\) URL of the image/.test(described) && /name, set, card number/.test(described) && /alternatives/.test(described) && /prices/.test(described),
		show(described),
	);
	check(`${on}mcp: not n8n's generic "Recognize an image in Ximilar"`, !/Recognize an image in Ximilar/.test(described), show(described));
	check(`${on}mcp: Ximilar_Account_Details says it reads credits and costs none`, /credits used/.test(account?.description ?? '') && /costs no credit/.test(account?.description ?? ''), show(account?.description));

	const schema = (identify?.inputSchema ?? {}) as { properties?: Record<string, { type?: string; description?: string; default?: unknown }>; required?: string[] };
	const props = schema.properties ?? {};
	checkEqual(`${on}mcp: Identify_Trading_Card input schema: image_url (string) and include_prices (boolean)`, Object.keys(props).sort().map((key) => [key, props[key].type]), [['image_url', 'string'], ['include_prices', 'boolean']]);
	check(`${on}mcp: image_url is required and described for the agent (a link to the image file itself)`, (schema.required ?? []).includes('image_url') && /image file/.test(props.image_url?.description ?? ''), show(schema));
	check(`${on}mcp: include_prices is optional (default false)`, !(schema.required ?? []).includes('include_prices') && props.include_prices?.default === false, show(props.include_prices));
	const accountProps = (account?.inputSchema as { properties?: object } | undefined)?.properties ?? {};
	checkEqual(`${on}mcp: Ximilar_Account_Details takes no arguments`, Object.keys(accountProps), []);
}

/** Ximilar's own answer for an image, straight from the simulator, to hold the agent's row against. */
async function ximilarRecord(sim: XimilarSimulator, url: string): Promise<Row> {
	const response = await fetch(`${sim.url}${TCG}`, {
		method: 'POST',
		headers: { Authorization: `Token ${sim.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ records: [{ _url: url }] }),
	});
	const body = (await response.json()) as { records: Row[] };
	return body.records[0];
}

const matchName = (match: Row) => (match.full_name ?? match.name) as string;

export async function checkToolCalls(client: Client, sim: XimilarSimulator, on = ''): Promise<void> {
	// A good URL: one compact row, the card Ximilar found.
	const url = 'https://images.example.com/mcp/card-photo.jpg';
	const before = sim.log.length;
	const good = await call(client, IDENTIFY, { image_url: url });
	const requests = sim.log.slice(before).filter((entry) => entry.path === TCG);
	const row = good.rows?.[0] ?? {};
	check(`${on}mcp: a good URL answers one row, not an error`, !good.isError && good.rows?.length === 1, show(good.text));
	checkEqual(`${on}mcp: one request with one record reached Ximilar for it`, requests.map((entry) => entry.recordCount), [1]);
	const record = await ximilarRecord(sim, url);
	const objects = (record._objects ?? []) as Row[];
	const identification = (objects.find((object) => object._identification)?._identification ?? {}) as Row;
	const best = (identification.best_match ?? {}) as Row;
	checkEqual(`${on}mcp: the row is the card Ximilar identified (name, set code, number)`, [row.name, row.set_code, row.card_number], [best.name, best.set_code, best.card_number]);
	check(`${on}mcp: the row carries a confidence word`, ['high', 'medium', 'low'].includes(String(row.confidence)), show(row));
	check(`${on}mcp: no request ids, no made-up _id, no empty fields`, !('_id' in row) && !('_status' in row) && !good.text.includes('request_id') && Object.values(row).every(filled), show(row));
	const alternatives = ((identification.alternatives ?? []) as Row[]).map(matchName).slice(0, 3);
	check(
		`${on}mcp: alternatives by name when unsure, none when sure`,
		row.confidence === 'high' ? !('alternatives' in row) : JSON.stringify(row.alternatives) === JSON.stringify(alternatives),
		show({ confidence: row.confidence, alternatives: row.alternatives, ximilar: alternatives }),
	);
	const priceKeys = (answer: Row) => Object.keys(answer).filter((key) => /^(price|listing)_/.test(key));
	check(`${on}mcp: no prices unasked`, priceKeys(row).length === 0 && sim.lastBody(TCG)?.pricing !== true, show(row));

	const priced = await call(client, IDENTIFY, { image_url: url, include_prices: true });
	const pricedRow = priced.rows?.[0] ?? {};
	check(`${on}mcp: include_prices: true sends pricing and answers the listings' median price with its currency`, sim.lastBody(TCG)?.pricing === true && typeof pricedRow.listing_median === 'number' && filled(pricedRow.listing_currency), show(pricedRow));

	// A URL Ximilar cannot download: a short answer in one sentence, nothing about items or batches.
	const missing = await call(client, IDENTIFY, { image_url: `${sim.url}/samples/no-such-photo.jpg` });
	const error = String(missing.rows?.[0]?.error ?? '');
	check(
		`${on}mcp: a URL Ximilar cannot download answers { error } in one short sentence`,
		missing.rows?.length === 1 && Object.keys(missing.rows[0]).join() === 'error' && /download/i.test(error) && error.length < 160 && error.split(/[.!?](\s|$)/).filter((part) => part && part.trim()).length === 1,
		show(missing.text),
	);
	check(`${on}mcp: ... without item numbers or batch wording`, !/item|other|batch|request/i.test(error), show(error));

	// A missing argument: refused by n8n's schema check before the node runs, nothing sent to Ximilar.
	const sentBefore = sim.log.filter((entry) => entry.path === TCG).length;
	const noArgs = await call(client, IDENTIFY, {});
	check(`${on}mcp: a call without image_url is an error result`, noArgs.isError, show(noArgs.text));
	// n8n's MCP trigger appends a stack trace to errors; the message is the lines before it.
	const message = noArgs.text.split('\n').filter((line) => !/^\s+at /.test(line)).join(' ');
	check(`${on}mcp: ... that names the missing argument`, /image_url/.test(message), show(message));
	checkEqual(`${on}mcp: ... and sent nothing to Ximilar`, sim.log.filter((entry) => entry.path === TCG).length, sentBefore);

	const account = await call(client, ACCOUNT, {});
	const details = account.rows?.[0] ?? {};
	check(`${on}mcp: Ximilar_Account_Details answers the account (credits used and limit)`, !account.isError && typeof details.credits_counter === 'number' && typeof details.credits_limit === 'number', show(account.text));
}
