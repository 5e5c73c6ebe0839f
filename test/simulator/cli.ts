/**
 * Run the simulator by hand: ts-node --transpile-only test/simulator/cli.ts [--port N] [--latency MS]
 * [--concurrent C] [--per-minute R] (the rate-limit model: 429 with Retry-After beyond C in flight or R a minute per token)
 */
import { XimilarSimulator } from './index';

function arg(name: string): number | undefined {
	const i = process.argv.indexOf(name);
	if (i < 0) return undefined;
	const n = Number(process.argv[i + 1]);
	if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a non-negative number`);
	return n;
}

async function main(): Promise<void> {
	const concurrent = arg('--concurrent');
	const perWindow = arg('--per-minute');
	const rateLimit = concurrent !== undefined || perWindow !== undefined ? { concurrent, perWindow } : undefined;
	const sim = await XimilarSimulator.start({ port: arg('--port'), latencyMs: arg('--latency'), rateLimit });
	console.log(`Ximilar simulator listening on ${sim.url} (token: ${sim.token})`);
	console.log(`Demo images: ${sim.url}/samples/`);
	const stop = () => {
		sim.close().then(() => process.exit(0), () => process.exit(1));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
	console.error((e as Error).message);
	process.exit(1);
});
