/**
 * Writes the output schemas n8n's editor shows before a run (nodes/Ximilar/__schema__/), one
 * per resource and operation, derived from runs against the simulator (test/support/
 * schemaRuns.ts). `npm run schemas`, after a change to what an operation outputs;
 * test/schemas.test.ts fails while a file differs from what the runs give.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { loadPackage } from '../test/harness/package';
import { XimilarSimulator } from '../test/simulator';
import { schemaOf } from '../test/support/outputSchema';
import { SCHEMA_DIR, schemaRunOutputs } from '../test/support/schemaRuns';
import { schemaTargets } from '../test/support/schemaTargets';

async function main(): Promise<void> {
	const sim = await XimilarSimulator.start();
	try {
		const { Ximilar } = loadPackage();
		for (const target of schemaTargets(new Ximilar().description)) {
			sim.reset();
			const schema = schemaOf(await schemaRunOutputs(sim, target));
			const file = path.join(__dirname, '..', SCHEMA_DIR, target.resource, `${target.operation}.json`);
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
			console.log(`${path.relative(process.cwd(), file)}: ${Object.keys(schema.properties ?? {}).length} fields`);
		}
	} finally {
		await sim.close();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
