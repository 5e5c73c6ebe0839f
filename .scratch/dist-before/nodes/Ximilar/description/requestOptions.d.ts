/**
 * Options that shape how records travel: each operation picks the ones that apply to it.
 * They govern the whole run (one value for all items: `noDataExpression`), and their
 * limits here are the ones the node checks.
 */
export declare const REQUEST_OPTIONS: {
    recordsPerRequest: {
        displayName: string;
        name: string;
        type: "number";
        noDataExpression: true;
        typeOptions: {
            minValue: number;
            maxValue: number;
        };
        default: number;
        description: string;
    };
    parallelRequests: {
        displayName: string;
        name: string;
        type: "number";
        noDataExpression: true;
        typeOptions: {
            minValue: number;
            maxValue: number;
        };
        default: number;
        description: string;
    };
    adaptToRateLimits: {
        displayName: string;
        name: string;
        type: "boolean";
        noDataExpression: true;
        default: true;
        description: string;
    };
    requestsPerMinute: {
        displayName: string;
        name: string;
        type: "number";
        noDataExpression: true;
        typeOptions: {
            minValue: number;
            maxValue: number;
        };
        default: number;
        description: string;
    };
    maxRequestSizeMb: {
        displayName: string;
        name: string;
        type: "number";
        noDataExpression: true;
        typeOptions: {
            minValue: number;
            maxValue: number;
            numberPrecision: number;
        };
        default: number;
        description: string;
    };
    timeout: {
        displayName: string;
        name: string;
        type: "number";
        noDataExpression: true;
        typeOptions: {
            minValue: number;
            maxValue: number;
        };
        default: number;
        description: string;
    };
    maxRetries: {
        displayName: string;
        name: string;
        type: "number";
        noDataExpression: true;
        typeOptions: {
            minValue: number;
            maxValue: number;
        };
        default: number;
        description: string;
    };
    retryMayBill: {
        displayName: string;
        name: string;
        type: "boolean";
        noDataExpression: true;
        default: false;
        description: string;
    };
    includeInputBinary: {
        displayName: string;
        name: string;
        type: "boolean";
        default: false;
        description: string;
    };
};
