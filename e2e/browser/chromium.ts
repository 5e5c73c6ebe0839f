/** Debian's chromium, installed with apt when missing, launched headless through puppeteer-core. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import puppeteer, { type Browser } from 'puppeteer-core';

import { WORK } from '../lib/config';
import { childEnv, runCommand, tail } from '../lib/process';
import { check, seconds } from '../lib/report';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
	(file): file is string => typeof file === 'string' && file !== '',
);

const findChromium = () => CANDIDATES.find((file) => existsSync(file));

/** `apt-get update && apt-get install -y chromium`, as root or through sudo; waits for another apt run to finish. */
export async function ensureChromium(): Promise<string> {
	const found = findChromium();
	if (found) return found;
	const started = Date.now();
	console.log('browser: installing Debian\'s chromium with apt-get (about 1-2 minutes) ...');
	const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
	const apt = (label: string, args: string[]) => {
		const [command, ...rest] = [...sudo, 'apt-get', '-o', 'DPkg::Lock::Timeout=600', ...args];
		return runCommand(label, command, rest, {
			cwd: WORK,
			env: childEnv({ DEBIAN_FRONTEND: 'noninteractive' }),
			timeoutMs: 20 * 60_000,
		});
	};
	const update = await apt('apt-get-update', ['update']);
	const install = update.code === 0 ? await apt('apt-get-install-chromium', ['install', '-y', 'chromium']) : update;
	const installed = findChromium();
	check(`browser: chromium installed with apt-get (${seconds(started)})`, install.code === 0 && installed !== undefined, `see ${install.log}\n${tail(install.stderr || install.stdout)}`);
	if (!installed) throw new Error('chromium is not installed');
	return installed;
}

/** A fresh profile every run, so nothing from an earlier run (cookies, storage) is reused. */
export async function launchChromium(executablePath: string): Promise<Browser> {
	const profile = path.join(WORK, 'browser', 'chromium-profile');
	rmSync(profile, { recursive: true, force: true });
	mkdirSync(profile, { recursive: true });
	return await puppeteer.launch({
		executablePath,
		headless: true,
		defaultViewport: { width: 1440, height: 900 },
		protocolTimeout: 120_000,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			`--user-data-dir=${profile}`,
		],
	});
}

/** Closes the browser; kills its process group should it not close in time. */
export async function closeChromium(browser: Browser): Promise<void> {
	const pid = browser.process()?.pid;
	const closed = browser.close().then(
		() => true,
		() => false,
	);
	const inTime = await Promise.race([closed, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000))]);
	if (!inTime && pid !== undefined) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
}
