/**
 * What n8n's queue mode needs besides n8n: Redis (Debian's redis-server, installed when missing)
 * and a throwaway PostgreSQL cluster, both on free loopback ports, data under the stage's folder.
 */
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

import { freePort } from '../lib/n8nCli';
import { childEnv, runCommand, startService, tail, type RunOutput, type Service } from '../lib/process';
import { seconds } from '../lib/report';

const isRoot = process.getuid?.() === 0;
/** PostgreSQL refuses to run as root: as root the cluster runs as this system user (made when missing). */
const PG_USER = 'ximilar-e2e-pg';

async function run(label: string, command: string, args: string[], timeoutMs = 120_000, env: Record<string, string> = {}): Promise<RunOutput> {
	const result = await runCommand(label, command, args, { cwd: '/', env: childEnv(env), timeoutMs });
	if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.code}), see ${result.log}:\n${tail(result.stderr || result.stdout)}`);
	return result;
}

const onPath = async (command: string): Promise<boolean> =>
	(await runCommand(`which-${command}`, 'sh', ['-c', `command -v ${command}`], { cwd: '/', env: childEnv(), timeoutMs: 10_000 })).code === 0;

/** apt-get install, waiting for the lock when another install is running on the machine. */
async function aptInstall(...packages: string[]): Promise<void> {
	if (!isRoot) throw new Error(`${packages.join(', ')} missing and not root: install it (apt-get install ${packages.join(' ')})`);
	const started = Date.now();
	const lock = ['-o', 'DPkg::Lock::Timeout=600'];
	const env = { DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get-update', 'apt-get', [...lock, 'update'], 600_000, env);
	await run(`apt-get-install-${packages.join('-')}`, 'apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...packages], 900_000, env);
	console.log(`queue: installed ${packages.join(', ')} with apt-get in ${seconds(started)}`);
}

/** Polls `ready` every 250 ms; fails early when `gone` (the process that should get ready) exits. */
export async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs: number, gone?: Service): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await ready()) return;
		if (gone?.hasExited()) {
			throw new Error(`${what}: the process exited, see ${gone.log}:\n${tail(gone.output())}`);
		}
		if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs / 1000} s${gone ? `, see ${gone.log}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Sends one inline Redis command and returns the first reply line ('' on any error). */
function redisCommand(port: number, command: string): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy());
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) socket.end();
		});
		socket.on('error', () => resolve(''));
		socket.on('close', () => resolve(reply.split('\r\n')[0]));
	});
}

export interface Redis {
	port: number;
	service: Service;
	stop(): Promise<void>;
}

export async function startRedis(dir: string): Promise<Redis> {
	if (!(await onPath('redis-server'))) await aptInstall('redis-server');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const service = startService('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], { cwd: dir, env: childEnv() });
	await waitFor('redis', async () => (await redisCommand(port, 'PING')) === '+PONG', 30_000, service);
	return { port, service, stop: () => service.stop() };
}

export interface Postgres {
	port: number;
	database: string;
	user: string;
	password: string;
	/** postmaster's pid, to prove it is gone after stop(). */
	pid: number;
	/** Runs SQL in the n8n database as superuser; rows as lines, columns separated by '|'. */
	query(sql: string): Promise<string>;
	stop(): Promise<void>;
}

/** The newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<major>/bin). */
async function postgresBin(): Promise<string> {
	const find = (): string | undefined => {
		const base = '/usr/lib/postgresql';
		if (!existsSync(base)) return undefined;
		const majors = readdirSync(base).filter((name) => existsSync(path.join(base, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
		return majors.length ? path.join(base, majors[0], 'bin') : undefined;
	};
	const found = find();
	if (found) return found;
	await aptInstall('postgresql');
	const installed = find();
	if (!installed) throw new Error('postgresql installed, but no initdb under /usr/lib/postgresql/*/bin');
	return installed;
}

/** As root: the system user the cluster runs as, and `runuser` in front of its commands. */
async function clusterUser(): Promise<{ uid: number; gid: number; prefix: string[] } | undefined> {
	if (!isRoot) return undefined;
	const exists = async () => (await runCommand('id-pg-user', 'id', ['-u', PG_USER], { cwd: '/', env: childEnv(), timeoutMs: 10_000 })).code === 0;
	if (!(await exists())) await run('useradd-pg-user', 'useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER]);
	const uid = Number((await run('id-u', 'id', ['-u', PG_USER])).stdout.trim());
	const gid = Number((await run('id-g', 'id', ['-g', PG_USER])).stdout.trim());
	return { uid, gid, prefix: ['runuser', '-u', PG_USER, '--'] };
}

export async function startPostgres(dir: string): Promise<Postgres> {
	const bin = await postgresBin();
	const owner = await clusterUser();
	mkdirSync(dir, { recursive: true });
	if (owner) chownSync(dir, owner.uid, owner.gid);
	const superPassword = randomBytes(12).toString('hex');
	const password = randomBytes(12).toString('hex');
	const pwfile = path.join(dir, 'superuser-password');
	writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
	if (owner) chownSync(pwfile, owner.uid, owner.gid);
	const data = path.join(dir, 'data');
	const as = (command: string, args: string[]): [string, string[]] => (owner ? [owner.prefix[0], [...owner.prefix.slice(1), path.join(bin, command), ...args]] : [path.join(bin, command), args]);

	await run('initdb', ...as('initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--no-sync', '--no-instructions']));
	const port = await freePort();
	// fsync off: a throwaway cluster, its data is deleted after the stage.
	const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
	await run('pg_ctl-start', ...as('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start']));
	const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);

	const psql = async (label: string, database: string, sql: string): Promise<string> =>
		(await run(label, path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql], 60_000, { PGPASSWORD: superPassword })).stdout.trim();
	await psql('psql-create-user', 'postgres', `CREATE USER n8n WITH PASSWORD '${password}';`);
	await psql('psql-create-db', 'postgres', 'CREATE DATABASE n8n OWNER n8n;');
	return {
		port,
		database: 'n8n',
		user: 'n8n',
		password,
		pid,
		query: (sql) => psql('psql-query', 'n8n', sql),
		stop: async () => {
			await run('pg_ctl-stop', ...as('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']));
		},
	};
}
