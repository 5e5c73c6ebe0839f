/** The run data `n8n execute --rawOutput` prints, and how to find it in the output. */

export interface Item {
	json: Record<string, any>;
	binary?: Record<string, any>;
	pairedItem?: { item: number } | Array<{ item: number }> | number;
	error?: unknown;
}

interface NodeRun {
	data?: { main?: Array<Item[] | null> };
	error?: { message?: string; description?: string };
	executionStatus?: string;
	/** How long the node ran, in ms. */
	executionTime?: number;
	/** What the node said above its output (n8n's execution hints). */
	hints?: Array<{ message: string; type?: string; location?: string }>;
}

export interface RunData {
	status?: string;
	finished?: boolean;
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message?: string }; lastNodeExecuted?: string } };
}

/** The run data `n8n execute --rawOutput` prints, found among the log lines around it. */
export function extractRunData(stdout: string): RunData | undefined {
	let found: RunData | undefined;
	const lineStart = /^\{/gm;
	let match: RegExpExecArray | null;
	while ((match = lineStart.exec(stdout)) !== null) {
		const end = matchingBrace(stdout, match.index);
		if (end < 0) continue;
		try {
			const parsed = JSON.parse(stdout.slice(match.index, end + 1)) as RunData;
			if (parsed?.data?.resultData?.runData) found = parsed;
			lineStart.lastIndex = end + 1;
		} catch {
			// not the run data: keep looking
		}
	}
	return found;
}

function matchingBrace(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return i;
	}
	return -1;
}

export const pairedIndex = (item: Item): number | undefined => {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired.length === 1 ? paired[0].item : undefined;
	return paired?.item;
};
