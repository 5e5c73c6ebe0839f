/**
 * Values the node puts in an HTTP header (the API token, the Collection ID, the webhook's
 * secret header). A line break there would end the header early: Node's HTTP client then
 * throws before anything is sent, and the item would fail as if Ximilar could not be
 * reached. So such a value is refused by name, before any request.
 */

/** Whether a character code is a control character (C0, DEL, and C1 when asked); read by code, not by a pattern. */
function isControl(code: number, withC1: boolean): boolean {
	return code < 0x20 || code === 0x7f || (withC1 && code >= 0x80 && code <= 0x9f);
}

/** The first control character of `text` (a tab allowed when `allowTab`), or undefined. */
export function firstControlCharacter(text: string, options: { allowTab?: boolean; withC1?: boolean } = {}): string | undefined {
	// By code unit: every control character is a single one (surrogates are not control characters).
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (options.allowTab && code === 9) continue;
		if (isControl(code, options.withC1 === true)) return text[index];
	}
	return undefined;
}

/** "a line break" or "a control character", for messages. */
export function controlWords(character: string): string {
	return character === '\n' || character === '\r' ? 'a line break' : 'a control character';
}

/** What is wrong with a header value, in words naming the field; undefined when it can be sent. */
export function headerValueProblem(value: string, field: string): string | undefined {
	const found = firstControlCharacter(value, { allowTab: true });
	if (found === undefined) return undefined;
	return `${field} contains ${controlWords(found)}, which cannot be sent in an HTTP header`;
}

/** A header name: letters, digits and the few signs HTTP allows in a name (RFC 9110 "token"). */
export function headerNameProblem(name: string, field: string): string | undefined {
	if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return undefined;
	const shown = [...name].map((character) => (isControl(character.charCodeAt(0), false) ? ' ' : character)).join('');
	return `${field} "${shown.slice(0, 60)}" is not a valid HTTP header name`;
}
