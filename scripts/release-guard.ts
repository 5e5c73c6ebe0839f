/**
 * `prepublishOnly` (package.json): refuses `npm publish` anywhere but in the publish workflow
 * (.github/workflows/publish.yml; README, "Release"). n8n verifies, and n8n Cloud installs, only
 * versions published from GitHub Actions with npm provenance; a version published from a laptop
 * has none and fails n8n's scanner for good. The workflow sets RELEASE_MODE (the variable n8n's
 * own `n8n-node prerelease` checks) and runs with an OIDC token (`id-token: write`), which npm
 * needs both for trusted publishing and for the provenance statement.
 *
 * This repository's .npmrc sets ignore-scripts=true (a dev dependency's pnpm-only preinstall
 * would stop `npm ci`), and npm then skips prepublishOnly too: the workflow publishes with
 * --ignore-scripts=false so this guard runs. A bare `npm publish` elsewhere is stopped anyway by
 * package.json's publishConfig.provenance, since npm makes provenance only in a CI with OIDC.
 *
 * Usage: ts-node --transpile-only scripts/release-guard.ts (exits 1 with the reason when refused).
 */

/** Why a publish in this environment is refused, or undefined when it may go ahead. */
export function publishRefusal(env: Record<string, string | undefined>): string | undefined {
	const how = 'Publish by creating a GitHub release (README, "Release"): its workflow publishes with npm provenance.';
	if (!env.RELEASE_MODE) return `RELEASE_MODE is not set, so this is not the publish workflow. ${how}`;
	if (env.GITHUB_ACTIONS !== 'true') return `Not running in GitHub Actions. ${how}`;
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
		return 'No OIDC token: the publishing job needs "permissions: id-token: write" for npm trusted publishing and provenance.';
	}
	return undefined;
}

if (require.main === module) {
	const refusal = publishRefusal(process.env);
	if (refusal) {
		console.error(`npm publish refused: ${refusal}`);
		process.exitCode = 1;
	}
}
