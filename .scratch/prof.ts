import { performance } from 'node:perf_hooks';
import { makeBigImage } from '../test/fixtures/images';
import { runNode } from '../test/harness/engine';
import { startSimulatorProcess } from '../test/support/simulatorProcess';

async function main() {
	const sim = await startSimulatorProcess({ latencyMs: 80, perRecordMs: 5 });
	const images = Array.from({ length: 20 }, (_, seed) => makeBigImage(1_000_000, seed + 1));
	const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { id: `p-${i}` }, binary: { data: { data: images[i % 20], mimeType: 'image/png', fileName: `p${i}.png` } } }));
	const params = { resource: 'image', operation: 'recognize', service: 'tcgId', recordId: '={{ $json.id }}', imageSource: 'binary', binaryPropertyName: 'data', options: { parallelRequests: 3 } };
	const n = Number(process.env.N ?? 200);
	await runNode({ parameters: params as never, items: items(10), credentials: { apiToken: sim.token, apiUrl: sim.url } });
	const its = items(n);
	const cpu0 = process.cpuUsage(); const t0 = performance.now();
	const r = await runNode({ parameters: params as never, items: its, credentials: { apiToken: sim.token, apiUrl: sim.url } });
	const cpu = process.cpuUsage(cpu0); const wall = performance.now() - t0;
	console.log(`n=${n} wall=${wall.toFixed(0)} cpu/item=${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms errors=${r.error?.message} outputs=${r.main.length}`);
	await sim.close();
	process.exit(0);
}
main();
