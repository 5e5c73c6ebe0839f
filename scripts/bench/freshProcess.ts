/**
 * A measurement in a fresh Node process (glibc keeps memory a process has freed, and V8's
 * heap remembers earlier runs): the parent forks a bench script with `payload`, the child warms
 * up against the simulator and says so, the parent clears the simulator's log and says go,
 * the child measures and sends its result. Used by the node's binary runs and the bare client.
 */
import { fork } from 'node:child_process';

import type { SimulatorProcess } from '../../test/support/simulatorProcess';

type Message<T> = { type: 'warm' } | { type: 'result'; result: T } | { type: 'error'; error: string };

/** Parent side: forks `script` with `env` (which selects its child side) and resolves to its result. */
export async function measureInChild<T>(script: string, payload: unknown, env: NodeJS.ProcessEnv, sim: SimulatorProcess, v8Flags: string[] = []): Promise<T> {
	const child = fork(script, [JSON.stringify(payload)], {
		execArgv: [...v8Flags, '-r', 'ts-node/register/transpile-only'],
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	return await new Promise<T>((resolve, reject) => {
		child.on('message', (message: Message<T>) => {
			// Warmed up against the simulator: its log is cleared before the real run.
			if (message.type === 'warm') sim.reset().then(() => child.send('go'), reject);
			else if (message.type === 'result') resolve(message.result);
			else reject(new Error(message.error));
		});
		child.once('exit', (code) => reject(new Error(`bench child ${script} exited with code ${code}`)));
	});
}

/** Child side: warms up, waits for go, measures, and sends the result (or the error) to the parent. */
export async function serveMeasurement<T>(warmUp: () => Promise<unknown>, measure: () => Promise<T>): Promise<void> {
	const send = (message: Message<T>) => process.send!(message);
	try {
		await warmUp();
		const go = new Promise((resolve) => process.once('message', resolve));
		send({ type: 'warm' });
		await go;
		send({ type: 'result', result: await measure() });
	} catch (error) {
		send({ type: 'error', error: (error as Error).message });
	}
}

/** The payload a child was forked with. */
export const childPayload = <P>(): P => JSON.parse(process.argv[2]) as P;
