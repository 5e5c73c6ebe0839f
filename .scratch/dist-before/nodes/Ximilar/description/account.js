"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accountProperties = void 0;
exports.accountProperties = [
    {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['account'] } },
        options: [
            {
                name: 'Get Details',
                value: 'getDetails',
                action: 'Get account details',
                description: 'Get the account, its credit usage and limit (costs no credit)',
            },
        ],
        default: 'getDetails',
    },
];
