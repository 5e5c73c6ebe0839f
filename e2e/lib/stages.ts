/** Optional e2e stages: `E2E_SKIP=queue,n8n1` skips them in local runs; CI sets nothing and runs all. */
import { seconds } from './report';

export function stageSkipped(stage: string): boolean {
	const skip = (process.env.E2E_SKIP ?? '').split(',').map((name) => name.trim().toLowerCase());
	if (!skip.includes(stage)) return false;
	console.log(`stage ${stage}: skipped (E2E_SKIP=${process.env.E2E_SKIP})`);
	return true;
}

/** Prints the stage's banner now and its duration when `body` ends. */
export async function timedStage(stage: string, body: () => Promise<void>): Promise<void> {
	const started = Date.now();
	console.log(`== stage ${stage}`);
	try {
		await body();
	} finally {
		console.log(`== stage ${stage}: took ${seconds(started)}`);
	}
}
