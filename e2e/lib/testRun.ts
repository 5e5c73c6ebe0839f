/** One executed workflow: its run data, the requests it sent, and checks labelled with its name. */
import type { RequestLogEntry } from '../../test/simulator';
import { check, checkEqual } from './report';
import type { Item, RunData } from './runData';

export class Run {
	constructor(
		readonly workflow: string,
		readonly data: RunData,
		readonly requests: RequestLogEntry[],
	) {}

	ran(node: string): boolean {
		return (this.data.data.resultData.runData[node]?.length ?? 0) > 0;
	}

	output(node: string, index = 0): Item[] {
		return this.data.data.resultData.runData[node]?.[0]?.data?.main?.[index] ?? [];
	}

	/** The hints the node added to its run (shown above its output in the editor). */
	hints(node: string): Array<{ message: string; type?: string; location?: string }> {
		return this.data.data.resultData.runData[node]?.[0]?.hints ?? [];
	}

	/** How long the node ran (n8n's own figure), in ms. */
	executionTime(node: string): number | undefined {
		return this.data.data.resultData.runData[node]?.[0]?.executionTime;
	}

	nodeError(node: string): string | undefined {
		return this.data.data.resultData.runData[node]?.[0]?.error?.message;
	}

	check(name: string, ok: boolean, detail?: string): boolean {
		return check(`${this.workflow}: ${name}`, ok, detail);
	}

	equal(name: string, actual: unknown, expected: unknown): boolean {
		return checkEqual(`${this.workflow}: ${name}`, actual, expected);
	}

	/** Requests to paths starting with `prefix`, in the order they arrived. */
	requestsTo(prefix: string): RequestLogEntry[] {
		return this.requests.filter((entry) => entry.path.startsWith(prefix));
	}
}
