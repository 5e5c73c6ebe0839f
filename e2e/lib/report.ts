/** PASS/FAIL bookkeeping: every check prints one line and counts towards the summary. */

let passed = 0;
let failed = 0;

export function check(name: string, ok: boolean, detail?: string): boolean {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${!ok && detail ? `: ${detail}` : ''}`);
	return ok;
}

export const show = (value: unknown): string => {
	const text = JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}...` : text;
};

export function checkEqual(name: string, actual: unknown, expected: unknown): boolean {
	const ok = JSON.stringify(actual) === JSON.stringify(expected);
	return check(name, ok, `expected ${show(expected)}, got ${show(actual)}`);
}

export const filled = (value: unknown): boolean =>
	value !== undefined && value !== null && value !== '' && value !== 'null' && value !== 'undefined' &&
	!(Array.isArray(value) && value.length === 0);

export function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Prints `e2e: N passed, M failed` and exits 1 on any failure. */
export function finish(): never {
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	process.exit(failed > 0 ? 1 : 0);
}
