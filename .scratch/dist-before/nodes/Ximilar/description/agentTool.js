"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toolDescriptionProperties = void 0;
exports.fromAiDefault = fromAiDefault;
const agentTexts_1 = require("../catalog/agentTexts");
const services_1 = require("../catalog/services");
/**
 * The tool variant (`ximilarTool`, made by n8n from `usableAsTool`). n8n tells the agent
 * "<operation action> in Ximilar" unless the node has its own `toolDescription` parameter,
 * so the node brings one per service and operation, shown only in the tool variant
 * (`@tool`). n8n keeps a default value only while the user has not edited it: switching
 * the service switches the text, and a text the user wrote stays.
 */
/** A parameter value the agent fills, in the form n8n's editor shows as "Defined automatically by the model". */
function fromAiDefault(key, description) {
    return `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${description}\`, 'string') }}`;
}
function toolDescription(text, show) {
    return {
        displayName: 'Tool Description',
        name: 'toolDescription',
        type: 'string',
        typeOptions: { rows: 3 },
        default: text,
        description: 'What the AI agent reads about this tool. Written for the chosen service; say in your own words when the agent should use it.',
        displayOptions: { show: { '@tool': [true], ...show } },
    };
}
exports.toolDescriptionProperties = [
    toolDescription(agentTexts_1.ACCOUNT_AGENT_TEXT, { resource: ['account'], operation: ['getDetails'] }),
    ...services_1.RECOGNITION_SERVICES.map((service) => toolDescription((0, agentTexts_1.recognizeAgentText)(service), {
        resource: ['image'],
        operation: ['recognize'],
        service: [service.value],
    })),
    ...Object.entries(agentTexts_1.COLLECTION_AGENT_TEXT).map(([operation, text]) => toolDescription(text, { resource: ['collection'], operation: [operation] })),
];
