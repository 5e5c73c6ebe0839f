// n8n's own lint rules for community packages: the recommended config of
// @n8n/eslint-plugin-community-nodes (what n8n's scanner runs) and the community,
// credentials and nodes configs of eslint-plugin-n8n-nodes-base.
import tsParser from '@typescript-eslint/parser';
import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const base = { plugins: { 'n8n-nodes-base': n8nNodesBase } };

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'e2e/**', '.e2e/**'] },
	{
		files: ['**/*.ts', 'package.json'],
		languageOptions: {
			parser: tsParser,
			parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
		},
	},
	{ files: ['**/*.ts', 'package.json'], ...communityConfigs.recommended },
	{ files: ['package.json'], ...base, rules: n8nNodesBase.configs.community.rules },
	{ files: ['credentials/**/*.ts'], ...base, rules: n8nNodesBase.configs.credentials.rules },
	{ files: ['nodes/**/*.ts'], ...base, rules: n8nNodesBase.configs.nodes.rules },
	{
		// Where the older plugin contradicts n8n's current rules, the current ones win:
		// NodeConnectionTypes instead of 'main' (node-connection-type-literal) and a full
		// documentation URL for a community credential (credential-documentation-url).
		files: ['**/*.ts'],
		rules: {
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
];
