// n8n's own lint config for community packages, the cloud-compatible one (`config` from
// @n8n/node-cli, the same as `n8n-node lint` and n8n's verification use). It applies the rules
// for shipped node code to every .ts file, so the folders that are not published are ignored:
// tests, the Ximilar simulator, the end-to-end runner and the scripts run only on a developer's
// machine or in CI (they use Node's fs, process, timers and console, which shipped code may not).
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{ ignores: ['test/**', 'e2e/**', 'scripts/**', 'dist/**', 'coverage/**', '.e2e/**', '.tmp/**'] },
];
