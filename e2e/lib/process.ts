/** Child processes: environment, logs in .e2e/logs/, timeouts and cleanup of process groups. */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

import { LOGS } from './config';

/**
 * `npm run e2e` hands its own npm settings to child processes as npm_* variables,
 * among them this repository's ignore-scripts=true and local_prefix: n8n's install
 * needs its install scripts (sqlite3) and its own folder, so none of them are passed on.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('npm_')) env[key] = value;
	return { ...env, ...extra };
}

export interface RunOutput {
	code: number | null;
	stdout: string;
	stderr: string;
	log: string;
}

let logCounter = 0;
/** Process groups of the running commands: n8n starts a task runner process of its own. */
const running = new Set<number>();

function killGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

// However the run ends, nothing it started keeps running (a background install, a server).
process.on('exit', () => {
	for (const pid of running) killGroup(pid);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		for (const pid of running) killGroup(pid);
		console.log(`e2e: interrupted (${signal})`);
		process.exit(130);
	});
}

function logPath(label: string): string {
	mkdirSync(LOGS, { recursive: true });
	return path.join(LOGS, `${String(++logCounter).padStart(2, '0')}-${label.replace(/[^\w.-]+/g, '_')}.log`);
}

/** Runs a command without blocking the event loop (the simulator answers n8n from this process). */
export function runCommand(
	label: string,
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunOutput> {
	const log = logPath(label);
	const file = createWriteStream(log);
	file.write(`$ ${command} ${args.join(' ')}\n(cwd ${options.cwd})\n\n`);
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		const pid = child.pid;
		if (pid !== undefined) running.add(pid);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => {
			out.push(chunk);
			file.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			err.push(chunk);
			file.write(chunk);
		});
		const timer = setTimeout(() => {
			file.write(`\n[e2e] timed out after ${options.timeoutMs / 1000} s, killing\n`);
			if (pid !== undefined) killGroup(pid);
		}, options.timeoutMs);
		const finish = (code: number | null) => {
			clearTimeout(timer);
			if (pid !== undefined) {
				running.delete(pid);
				killGroup(pid); // leftovers such as n8n's task runner
			}
			file.end();
			resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), log });
		};
		child.on('error', (error) => {
			err.push(Buffer.from(String(error)));
			finish(null);
		});
		child.on('close', (code) => finish(code));
	});
}

/** A long-running process (a server), its output in its log file. */
export interface Service {
	label: string;
	pid: number;
	log: string;
	/** Everything it printed so far. */
	output(): string;
	/** Resolves with the exit code once it has exited. */
	exited: Promise<number | null>;
	hasExited(): boolean;
	/** SIGTERM to its process group, SIGKILL after `graceMs`; resolves once it has exited. */
	stop(graceMs?: number): Promise<void>;
}

export function startService(label: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Service {
	const log = logPath(label);
	const file = createWriteStream(log);
	file.write(`$ ${command} ${args.join(' ')}\n(cwd ${options.cwd})\n\n`);
	const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	if (child.pid === undefined) throw new Error(`could not start ${command}`);
	const pid = child.pid;
	running.add(pid);
	const chunks: Buffer[] = [];
	const collect = (chunk: Buffer) => {
		chunks.push(chunk);
		file.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exited = new Promise<number | null>((resolve) => {
		child.on('error', (error) => collect(Buffer.from(String(error))));
		child.on('exit', (code) => {
			running.delete(pid);
			killGroup(pid); // children it left, such as n8n's task runner
			resolve(code);
		});
		child.on('close', () => file.end());
	});
	let done = false;
	void exited.then(() => {
		done = true;
	});
	return {
		label,
		pid,
		log,
		output: () => Buffer.concat(chunks).toString('utf8'),
		exited,
		hasExited: () => done,
		async stop(graceMs = 15_000) {
			if (done) return;
			try {
				process.kill(-pid, 'SIGTERM');
			} catch {
				// already gone
			}
			const timer = setTimeout(() => killGroup(pid), graceMs);
			await exited;
			clearTimeout(timer);
		},
	};
}

export function tail(text: string, lines = 25): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
