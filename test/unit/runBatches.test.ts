import type { IDataObject } from 'n8n-workflow';

import type { RequestTarget } from '../../nodes/Ximilar/records/prepared';
import { runBatches, type BatchedRun } from '../../nodes/Ximilar/engine/batching/runBatches';

function job(send: BatchedRun['send'], extra: Partial<BatchedRun> = {}): BatchedRun {
	return {
		itemCount: 25,
		prepare: async (i) => ({ record: { _id: `r${i}` }, bytes: 10, target: { path: '/p' } }),
		send,
		limits: { maxRecords: 10, maxBytes: 1000 },
		parallel: 1,
		stopOnFailure: false,
		...extra,
	};
}

const echo = async (_target: RequestTarget, records: IDataObject[]) => ({ records: records.map((record) => ({ ...record })) });

describe('running a job', () => {
	it('a send that throws fails its own batch\'s items, with what it threw, and no others', async () => {
		let call = 0;
		const outcomes = await runBatches(
			job(async (target, records) => {
				if (++call === 2) throw new Error('the request could not be built');
				return await echo(target, records);
			}),
		);
		const view = outcomes.map((outcome) => (outcome && 'failure' in outcome ? outcome.failure.message : outcome?.record._id));
		expect(view.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
		expect(view.slice(10, 20)).toEqual(Array(10).fill('the request could not be built'));
		expect(view.slice(20)).toEqual(['r20', 'r21', 'r22', 'r23', 'r24']);
		const failed = outcomes[10] as { failure: { kind: string; recordId?: string } };
		expect(failed.failure).toEqual(expect.objectContaining({ kind: 'api', recordId: 'r10' }));
	});

	it('starts no batch once the execution is stopped, leaving unsent items without outcome', async () => {
		const controller = new AbortController();
		const sent: string[][] = [];
		const outcomes = await runBatches(
			job(
				async (_target, records) => {
					sent.push(records.map((record) => String(record._id)));
					controller.abort();
					return { cancelled: true };
				},
				{ signal: controller.signal },
			),
		);
		expect(sent).toEqual([Array.from({ length: 10 }, (_, i) => `r${i}`)]);
		expect(outcomes.filter((outcome) => outcome !== undefined)).toEqual([]);
	});

	it('keeps an error thrown while reading an item whole, for that item only', async () => {
		class ExpressionLikeError extends Error {
			description = 'The expression refers to a node that does not exist';
		}
		const thrown = new ExpressionLikeError("Referenced node doesn't exist");
		const outcomes = await runBatches(
			job(echo, {
				itemCount: 3,
				prepare: async (i) => {
					if (i === 1) throw thrown;
					return { record: { _id: `r${i}` }, bytes: 10, target: { path: '/p' } };
				},
			}),
		);
		expect(outcomes[1]).toEqual({
			failure: expect.objectContaining({ message: "Referenced node doesn't exist", description: thrown.description, thrown }),
		});
		expect([outcomes[0], outcomes[2]]).toEqual([{ record: { _id: 'r0' } }, { record: { _id: 'r2' } }]);
	});
});
