/**
 * The release path as written: the GitHub workflows (valid YAML; publishing through npm trusted
 * publishing with provenance on a GitHub release, no npm token; CI running the README's test
 * command), package.json's metadata and guards, the lint setup n8n's CLI accepts, LICENSE and
 * CHANGELOG. What the workflows do on GitHub can only be seen there; this holds their text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { publishRefusal } from '../../scripts/release-guard';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	permissions?: Record<string, string>;
	steps: Step[];
	strategy?: { matrix?: Record<string, unknown[]> };
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

/** Parses strictly: duplicate keys and anything YAML would only warn about fail the test. */
function workflow(name: string): Workflow {
	return parse(readFileSync(path.join(WORKFLOWS, name), 'utf8'), { uniqueKeys: true, strict: true, prettyErrors: true }) as Workflow;
}

const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const runs = (wf: Workflow) => steps(wf).flatMap((step) => (step.run ? [step.run] : []));
/** A job's permissions, or the workflow's when the job sets none. */
const permissionsOf = (wf: Workflow, job: Job) => job.permissions ?? wf.permissions ?? {};

describe('GitHub workflows', () => {
	const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

	it('are valid YAML with a trigger and jobs', () => {
		expect(files.sort()).toEqual(['ci.yml', 'publish.yml']);
		for (const name of files) {
			const wf = workflow(name);
			expect(Object.keys(wf.on ?? {}).length).toBeGreaterThan(0);
			expect(Object.keys(wf.jobs ?? {}).length).toBeGreaterThan(0);
			for (const step of steps(wf)) expect(step.uses ?? step.run).toBeTruthy();
		}
	});

	describe('publish.yml', () => {
		const wf = workflow('publish.yml');
		const text = readFileSync(path.join(WORKFLOWS, 'publish.yml'), 'utf8');

		it('runs when a GitHub release is published, and on nothing else', () => {
			expect(wf.on).toEqual({ release: { types: ['published'] } });
		});

		it('may fetch an OIDC token (id-token: write) and only read the repository', () => {
			for (const job of Object.values(wf.jobs)) {
				expect(permissionsOf(wf, job)).toEqual({ contents: 'read', 'id-token': 'write' });
			}
		});

		it('uses no npm token: no secret at all, no NPM_TOKEN or NODE_AUTH_TOKEN', () => {
			expect(text).not.toMatch(/secrets\./);
			expect(text).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/);
		});

		it('publishes with provenance and public access, with the release guard run and satisfied', () => {
			const publish = steps(wf).filter((step) => /\bnpm publish\b/.test(step.run ?? ''));
			expect(publish).toHaveLength(1);
			expect(publish[0].run).toMatch(/--provenance\b/);
			expect(publish[0].run).toMatch(/--access public\b/);
			expect(publish[0].run).toMatch(/--ignore-scripts=false\b/);
			expect(publish[0].env?.RELEASE_MODE).toBe('true');
		});

		it('runs on Node.js 22 or later with npm 11.5.1 or later, from the npm registry', () => {
			const setup = steps(wf).filter((step) => step.uses?.startsWith('actions/setup-node@'));
			expect(setup).toHaveLength(1);
			expect(Number(String(setup[0].with?.['node-version']).split('.')[0])).toBeGreaterThanOrEqual(22);
			expect(setup[0].with?.['registry-url']).toBe('https://registry.npmjs.org');
			expect(runs(wf).some((run) => /npm install -g npm@\^11\.5\.1\b/.test(run))).toBe(true);
		});

		it('tests before it publishes, and scans what it published with n8n\'s scanner', () => {
			const all = runs(wf);
			const tested = all.findIndex((run) => run.includes('npm ci && npm test'));
			const published = all.findIndex((run) => /\bnpm publish\b/.test(run));
			const scanned = all.findIndex((run) => run.includes('@n8n/scan-community-package'));
			expect(tested).toBeGreaterThanOrEqual(0);
			expect(tested).toBeLessThan(published);
			expect(scanned).toBeGreaterThan(published);
		});

		it('checks the tag against package.json, and names the repository package.json names', () => {
			const repo = repositoryOf(pkg.repository.url);
			expect(text).toContain('GITHUB_REF_NAME');
			expect(text).toContain(`organization or user ${repo.owner}, repository ${repo.name}, workflow publish.yml`);
		});
	});

	describe('ci.yml', () => {
		const wf = workflow('ci.yml');

		it('runs on every push and pull request', () => {
			expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
		});

		it('runs the README\'s test command on Node.js 20 and 22, with read-only permissions', () => {
			const readmeCommand = read('README.md').match(/^npm ci && npm test\b/m)?.[0];
			expect(readmeCommand).toBe('npm ci && npm test');
			expect(runs(wf)).toContain(readmeCommand);
			const [job] = Object.values(wf.jobs);
			expect(job.strategy?.matrix?.node).toEqual([20, 22]);
			expect(permissionsOf(wf, job)).toEqual({ contents: 'read' });
		});
	});
});

function repositoryOf(url: string): { owner: string; name: string } {
	const match = /^git\+https:\/\/github\.com\/([^/]+)\/([^/]+)\.git$/.exec(url);
	if (!match) throw new Error(`repository.url is not git+https://github.com/<owner>/<name>.git: ${url}`);
	return { owner: match[1], name: match[2] };
}

describe('package.json', () => {
	it('names one GitHub repository in repository, homepage, bugs and author', () => {
		const { owner, name } = repositoryOf(pkg.repository.url);
		expect(pkg.homepage).toBe(`https://github.com/${owner}/${name}#readme`);
		expect(pkg.bugs.url).toBe(`https://github.com/${owner}/${name}/issues`);
		expect(pkg.author.url).toBe(`https://github.com/${owner}`);
		expect(pkg.name).toBe(name);
	});

	it('has none of the lifecycle scripts n8n forbids, and guards publishing', () => {
		// The list of @n8n/eslint-plugin-community-nodes' no-forbidden-lifecycle-scripts rule.
		for (const script of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'postprepare']) {
			expect(pkg.scripts).not.toHaveProperty(script);
		}
		expect(pkg.scripts.prepublishOnly).toBe('ts-node --transpile-only scripts/release-guard.ts');
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
	});

	it('is linted by n8n\'s CLI in npm test, with its cloud-compatible config', () => {
		expect(pkg.scripts.lint).toBe('n8n-node lint');
		expect(pkg.scripts.test).toMatch(/\bnpm run lint\b/);
		expect(pkg.devDependencies['@n8n/node-cli']).toMatch(/^0\.\d+\.\d+$/);
		const config = read('eslint.config.mjs');
		expect(config).toMatch(/^import \{ config \} from '@n8n\/node-cli\/eslint';$/m);
		expect(config).not.toMatch(/configWithoutCloudSupport/);
		expect(config).toMatch(/^export default \[\s*\.\.\.config,\s*\{ ignores: \[[^\]]*\] \},?\s*\];$/m);
	});

	it('says "strict" only when n8n\'s CLI would accept it: with its default eslint.config.mjs alone', () => {
		const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
		// What `n8n-node lint` compares eslint.config.mjs with in strict mode (lint.js, verifyEslintConfig).
		const template = read('node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');
		const isDefault = collapse(read('eslint.config.mjs')) === collapse(template);
		expect({ strict: pkg.n8n.strict === true, isDefault }).not.toEqual({ strict: true, isDefault: false });
		expect(pkg.n8n).not.toHaveProperty('strict');
	});

	it('has no runtime dependencies', () => {
		expect(pkg.dependencies).toBeUndefined();
	});
});

describe('LICENSE and CHANGELOG', () => {
	it('LICENSE is the MIT license, held by package.json\'s author', () => {
		const license = read('LICENSE');
		expect(pkg.license).toBe('MIT');
		expect(license).toMatch(/^MIT License\n/);
		expect(license).toMatch(new RegExp(`^Copyright \\(c\\) \\d{4} ${pkg.author.name}$`, 'm'));
	});

	it('CHANGELOG follows Keep a Changelog with an Unreleased section', () => {
		const changelog = read('CHANGELOG.md');
		expect(changelog).toContain('[Keep a Changelog]');
		expect(changelog).toMatch(/^## \[Unreleased\]$/m);
		expect(changelog).toMatch(/^\[Unreleased\]: https:\/\/github\.com\//m);
		for (const [, version] of changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm)) {
			expect(changelog).toMatch(new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: https://`, 'm'));
		}
	});
});

describe('release guard (prepublishOnly)', () => {
	const workflowEnv = { RELEASE_MODE: 'true', GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions' };

	it('lets the publish workflow publish', () => {
		expect(publishRefusal(workflowEnv)).toBeUndefined();
	});

	it('refuses a publish from a laptop, from another CI, or without an OIDC token', () => {
		expect(publishRefusal({})).toMatch(/RELEASE_MODE is not set.*GitHub release/);
		expect(publishRefusal({ ...workflowEnv, GITHUB_ACTIONS: undefined })).toMatch(/Not running in GitHub Actions/);
		expect(publishRefusal({ ...workflowEnv, ACTIONS_ID_TOKEN_REQUEST_URL: undefined })).toMatch(/id-token: write/);
	});
});
