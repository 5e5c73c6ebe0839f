/** Options listed alphabetically by name, as n8n lists the options of its own nodes. */
export function byName<T extends { name: string }>(options: T[]): T[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}
