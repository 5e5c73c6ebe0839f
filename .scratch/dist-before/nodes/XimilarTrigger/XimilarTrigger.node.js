"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.XimilarTrigger = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const asyncJob_1 = require("../Ximilar/description/asyncJob");
const callbackItems_1 = require("./callbackItems");
const secret_1 = require("./secret");
/**
 * Receives the callback Ximilar posts when an async job (card grading, upscaling) is done:
 * `{id, status, response}`. Callbacks without the secret header are refused with 401 and
 * start nothing; the Ximilar node sends that header with every job in Webhook mode.
 */
class XimilarTrigger {
    constructor() {
        this.description = {
            displayName: 'Ximilar Trigger',
            name: 'ximilarTrigger',
            icon: { light: 'file:ximilar.svg', dark: 'file:ximilar.dark.svg' },
            group: ['trigger'],
            version: 1,
            subtitle: 'On job done',
            description: 'Starts the workflow when Ximilar finishes an async job (card grading, upscaling) and posts its result',
            defaults: { name: 'Ximilar Trigger' },
            inputs: [],
            outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
            webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'ximilar' }],
            properties: [
                {
                    displayName: 'Copy the Production URL above into the Ximilar node\'s "Webhook URL" (Get Result: Webhook), and use the same secret in both nodes. Publish this workflow so the URL stays live.',
                    name: 'notice',
                    type: 'notice',
                    default: '',
                },
                {
                    displayName: 'Header Name',
                    name: 'headerName',
                    type: 'string',
                    default: asyncJob_1.DEFAULT_SECRET_HEADER,
                    required: true,
                    description: 'Name of the secret header the Ximilar node sends with each job; Ximilar passes it back with the callback',
                },
                {
                    displayName: 'Secret',
                    name: 'secret',
                    type: 'string',
                    typeOptions: { password: true },
                    default: '',
                    required: true,
                    description: 'Callbacks whose secret header does not carry exactly this value are refused (HTTP 401)',
                },
                {
                    displayName: 'Options',
                    name: 'options',
                    type: 'collection',
                    placeholder: 'Add Option',
                    default: {},
                    options: [asyncJob_1.OUTPUT_OPTION],
                },
            ],
        };
        /**
         * Ximilar has no webhook registry: the URL travels with each job. Nothing to register or
         * remove, so activation always succeeds and the URL is live while the workflow is published.
         */
        this.webhookMethods = {
            default: {
                async checkExists() {
                    return true;
                },
                async create() {
                    return true;
                },
                async delete() {
                    return true;
                },
            },
        };
    }
    async webhook() {
        const headerName = String(this.getNodeParameter('headerName', asyncJob_1.DEFAULT_SECRET_HEADER)).trim().toLowerCase();
        const secret = String(this.getNodeParameter('secret', ''));
        const received = this.getHeaderData()[headerName];
        if (!(0, secret_1.secretMatches)(received, secret)) {
            const response = this.getResponseObject();
            response.writeHead(401, { 'Content-Type': 'application/json' });
            response.end(JSON.stringify({ message: 'Missing or wrong secret header' }));
            return { noWebhookResponse: true };
        }
        const options = this.getNodeParameter('options', {});
        return { workflowData: [(0, callbackItems_1.callbackItems)(this.getBodyData(), options.output === 'raw')] };
    }
}
exports.XimilarTrigger = XimilarTrigger;
