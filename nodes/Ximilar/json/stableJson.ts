/**
 * JSON with object keys sorted, so that equal values give equal text whatever the order
 * their keys were written in. `replace` may stand in for a value (by its key): what it
 * returns is written instead, as JSON; undefined leaves the value as it is.
 */
export function stableJson(value: unknown, replace?: (key: string, value: unknown) => unknown): string {
	if (Array.isArray(value)) return `[${value.map((entry) => stableJson(entry, replace)).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.map((key) => {
				const entry = (value as Record<string, unknown>)[key];
				const replaced = replace?.(key, entry);
				return `${JSON.stringify(key)}:${replaced !== undefined ? JSON.stringify(replaced) : stableJson(entry, replace)}`;
			});
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
