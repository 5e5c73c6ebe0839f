/**
 * Compares the callback's secret header with the configured secret in time that does not
 * depend on where they differ, so the secret cannot be guessed one character at a time.
 */
export function secretMatches(received: unknown, expected: string): boolean {
	const value = Array.isArray(received) ? received[0] : received;
	if (typeof value !== 'string' || expected.length === 0) return false;
	let difference = value.length ^ expected.length;
	for (let i = 0; i < expected.length; i++) {
		difference |= expected.charCodeAt(i) ^ value.charCodeAt(i % Math.max(1, value.length));
	}
	return difference === 0;
}
