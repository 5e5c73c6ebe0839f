"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.XimilarApi = void 0;
class XimilarApi {
    constructor() {
        this.name = 'ximilarApi';
        this.displayName = 'Ximilar API';
        this.icon = {
            light: 'file:../nodes/Ximilar/ximilar.svg',
            dark: 'file:../nodes/Ximilar/ximilar.dark.svg',
        };
        this.documentationUrl = 'https://docs.ximilar.com/quickstart';
        this.properties = [
            {
                displayName: 'API Token',
                name: 'apiToken',
                type: 'string',
                typeOptions: { password: true },
                default: '',
                required: true,
                description: 'Your Ximilar API token, from the Ximilar App: Account > Settings > API token',
            },
            {
                displayName: 'API URL',
                name: 'apiUrl',
                type: 'string',
                default: 'https://api.ximilar.com',
                description: 'Base URL of the Ximilar API. Change it only for a private Ximilar deployment or a test server.',
            },
        ];
        // Ximilar expects "Authorization: Token <key>" (Django REST framework token auth).
        this.authenticate = {
            type: 'generic',
            properties: {
                headers: {
                    Authorization: '=Token {{$credentials.apiToken}}',
                },
            },
        };
        // No declarative `test` here: n8n would prefer it over the node's `testedBy` method
        // (nodes/Ximilar/methods/credentialTest.ts), whose messages say what went wrong.
    }
}
exports.XimilarApi = XimilarApi;
