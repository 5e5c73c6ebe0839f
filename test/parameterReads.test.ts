/**
 * Parameters that hold no expression are read once per run, not once per item:
 * n8n's getNodeParameter costs about a tenth of a millisecond a call even for a constant.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { runNode } from './harness/engine';
import { pngItems } from './harness/items';
import { loadPackage } from './harness/package';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();

/** The node, counting its getNodeParameter calls by parameter name. */
function countingNode(reads: Map<string, number>): INodeType {
	const inner = new (loadPackage().Ximilar)();
	return {
		description: inner.description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const read = this.getNodeParameter;
			this.getNodeParameter = ((name: string, ...rest: unknown[]) => {
				reads.set(name, (reads.get(name) ?? 0) + 1);
				return (read as (...args: unknown[]) => unknown).call(this, name, ...rest);
			}) as typeof read;
			return (await inner.execute!.call(this)) as INodeExecutionData[][];
		},
	};
}

it('reads constant parameters once and mapped ones per item, with the same results', async () => {
	const reads = new Map<string, number>();
	const result = await runNode({
		parameters: {
			resource: 'image', operation: 'recognize', service: 'tcgId', imageSource: 'binary', binaryPropertyName: 'data',
			recordId: '={{ "row-" + $json.row }}', options: { additionalRequestFields: '{"pricing": true}' },
		},
		items: pngItems(30),
		credentials: ctx.credentials,
		nodeType: countingNode(reads),
	});
	expect(result.error).toBeUndefined();
	expect(result.main.map((item) => item.json._id)).toEqual(Array.from({ length: 30 }, (_, i) => `row-${i}`));
	expect(ctx.sim.lastBody('/collectibles').pricing).toBe(true);
	for (const constant of ['imageSource', 'binaryPropertyName', 'options.additionalRequestFields', 'serviceOptions']) {
		expect([constant, reads.get(constant) ?? 0]).toEqual([constant, 1]);
	}
	expect(reads.get('recordId')).toBeGreaterThanOrEqual(30);
});
