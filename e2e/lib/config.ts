/** Paths and names the e2e runner shares. */
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WORK = path.join(ROOT, '.e2e');
export const N8N_PIN = path.join(ROOT, 'e2e', 'n8n');
export const N8N_DIR = path.join(WORK, 'n8n');
export const N8N_BIN = path.join(N8N_DIR, 'node_modules', '.bin', 'n8n');
export const USER_FOLDER = path.join(WORK, 'user');
export const LOGS = path.join(WORK, 'logs');
export const NODE_TYPE = 'n8n-nodes-ximilar.ximilar';
/** The name every example and test workflow uses for its Ximilar credential (id null: n8n matches it by name on import). */
export const CREDENTIAL_NAME = 'Ximilar account';
export const CREDENTIAL_ID = 'e2eXimilarSimulator';
/** The Ximilar Webhook credential every workflow in Webhook mode and every Ximilar Trigger names (matched by name on import). */
export const WEBHOOK_CREDENTIAL_NAME = 'Ximilar webhook secret';
export const WEBHOOK_CREDENTIAL_ID = 'e2eXimilarWebhookSecret';
export const WEBHOOK_SECRET = 'e2e-async-secret-4711';
export const SIM_URL_PLACEHOLDER = '__SIMULATOR_URL__';
