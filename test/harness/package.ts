import { existsSync } from 'node:fs';
import path from 'node:path';

import type { XimilarApi as XimilarApiClass } from '../../credentials/XimilarApi.credentials';
import type { XimilarWebhookApi as XimilarWebhookApiClass } from '../../credentials/XimilarWebhookApi.credentials';
import type { Ximilar as XimilarClass } from '../../nodes/Ximilar/Ximilar.node';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The node and credential as published: the compiled files under dist/ that the
 * package.json "n8n" field points n8n at. `npm test` builds first.
 */
export function loadPackage(): { Ximilar: typeof XimilarClass; XimilarApi: typeof XimilarApiClass; XimilarWebhookApi: typeof XimilarWebhookApiClass } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const manifest = require(path.join(ROOT, 'package.json')) as { n8n: { nodes: string[]; credentials: string[] } };
	const nodeFile = path.join(ROOT, manifest.n8n.nodes[0]);
	const credentialFile = path.join(ROOT, manifest.n8n.credentials[0]);
	if (!existsSync(nodeFile) || !existsSync(credentialFile)) {
		throw new Error(`${nodeFile} is missing: run "npm run build" first (npm test does).`);
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Ximilar } = require(nodeFile) as { Ximilar: typeof XimilarClass };
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { XimilarApi } = require(credentialFile) as { XimilarApi: typeof XimilarApiClass };
	const webhookFile = path.join(ROOT, manifest.n8n.credentials.find((file) => file.includes('XimilarWebhookApi')) ?? '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { XimilarWebhookApi } = require(webhookFile) as { XimilarWebhookApi: typeof XimilarWebhookApiClass };
	return { Ximilar, XimilarApi, XimilarWebhookApi };
}
