/**
 * Values the node puts in an HTTP header (the API token, the Collection ID, the webhook's
 * secret header). A line break there would end the header early: Node's HTTP client then
 * throws before anything is sent, and the item would fail as if Ximilar could not be
 * reached. So such a value is refused by name, before any request.
 */

/** Control characters (CR, LF, NUL, tab aside, DEL) that no header value may hold. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** What is wrong with a header value, in words naming the field; undefined when it can be sent. */
export function headerValueProblem(value: string, field: string): string | undefined {
	const found = CONTROL.exec(value);
	if (!found) return undefined;
	const what = found[0] === '\n' || found[0] === '\r' ? 'a line break' : 'a control character';
	return `${field} contains ${what}, which cannot be sent in an HTTP header`;
}

/** A header name: letters, digits and the few signs HTTP allows in a name (RFC 9110 "token"). */
export function headerNameProblem(name: string, field: string): string | undefined {
	if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return undefined;
	return `${field} "${name.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 60)}" is not a valid HTTP header name`;
}
