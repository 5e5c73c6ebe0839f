"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Ximilar = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const router_1 = require("./actions/router");
const agentTexts_1 = require("./catalog/agentTexts");
const credentialTest_1 = require("./methods/credentialTest");
const account_1 = require("./description/account");
const agentTool_1 = require("./description/agentTool");
const collection_1 = require("./description/collection");
const gradeCard_1 = require("./description/gradeCard");
const job_1 = require("./description/job");
const recognize_1 = require("./description/recognize");
const upscale_1 = require("./description/upscale");
/**
 * The node only wires: the services are data (catalog/), the UI is built from them
 * (description/), and one execute() batches records across items (actions/, execution/),
 * which n8n's declarative routing cannot do (it sends one request per item).
 */
class Ximilar {
    constructor() {
        this.description = {
            displayName: 'Ximilar',
            name: 'ximilar',
            icon: { light: 'file:ximilar.svg', dark: 'file:ximilar.dark.svg' },
            group: ['transform'],
            version: 1,
            subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
            description: 'Identify trading cards and comics, tag fashion and home decor, recognize custom images and search visual collections with Ximilar',
            defaults: { name: 'Ximilar' },
            // The tool variant: its own description in the nodes panel; per-service texts for the agent come from toolDescriptionProperties.
            usableAsTool: { replacements: { description: agentTexts_1.TOOL_NODE_DESCRIPTION } },
            inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
            outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
            credentials: [{ name: 'ximilarApi', required: true, testedBy: 'ximilarApiTest' }],
            properties: [
                ...agentTool_1.toolDescriptionProperties,
                {
                    displayName: 'Resource',
                    name: 'resource',
                    type: 'options',
                    noDataExpression: true,
                    options: [
                        { name: 'Account', value: 'account' },
                        { name: 'Collection', value: 'collection' },
                        { name: 'Image', value: 'image' },
                        { name: 'Job', value: 'job' },
                    ],
                    default: 'image',
                },
                ...account_1.accountProperties,
                ...recognize_1.recognizeProperties,
                ...gradeCard_1.gradeCardProperties,
                ...upscale_1.upscaleProperties,
                ...collection_1.collectionProperties,
                ...job_1.jobProperties,
            ],
        };
        this.methods = { credentialTest: { ximilarApiTest: credentialTest_1.ximilarApiTest } };
    }
    async execute() {
        return await router_1.route.call(this);
    }
}
exports.Ximilar = Ximilar;
