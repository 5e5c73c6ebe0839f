import { XimilarSimulator, type SimulatorOptions } from '../simulator';

/**
 * One simulator per test file, reset before each test (log, faults, collections,
 * latency), closed after the file. Tests reach it through the returned object.
 */
export function useSimulator(options: SimulatorOptions = {}) {
	const context = {
		sim: undefined as unknown as XimilarSimulator,
		get credentials() {
			return { apiToken: context.sim.token, apiUrl: context.sim.url };
		},
	};
	beforeAll(async () => {
		context.sim = await XimilarSimulator.start(options);
	});
	beforeEach(() => context.sim.reset());
	afterAll(async () => await context.sim.close());
	return context;
}
