import type { INodeProperties } from 'n8n-workflow';
/**
 * Every request option a recognition service can take, keyed by the name used in the
 * node's "Service Options" collection. `bodyKey` is the field Ximilar reads; two UI
 * options may feed the same field when their meaning differs per service (`lang`).
 * Options are sent only when the user sets them, so Ximilar's own defaults apply otherwise.
 * Sources (S#) refer to ximilar-shapes.md.
 */
export interface ServiceOptionDefinition {
    bodyKey: string;
    /**
     * Where the field goes: the request body (default), every record (the docs' example puts
     * background-removal flags there, S8), or the record's first object as a prefilled hint
     * (`_objects[0].Alphabet`, as Ximilar's own client does, S3).
     */
    placement?: 'request' | 'record' | 'object';
    /** When the option is on, Ximilar takes at most this many records per request (S2). */
    maxRecordsWhenOn?: number;
    property: Omit<INodeProperties, 'name' | 'displayOptions'>;
}
export declare const SERVICE_OPTIONS: {
    pricing: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    priceStats: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    slabId: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    slabGrade: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    analyzeAll: {
        bodyKey: string;
        maxRecordsWhenOn: number;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    magicAi: {
        bodyKey: string;
        maxRecordsWhenOn: number;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    cardLanguage: {
        bodyKey: string;
        placement: "object";
        property: {
            displayName: string;
            type: "options";
            options: {
                name: string;
                value: string;
            }[];
            default: string;
            description: string;
        };
    };
    tagLanguage: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "options";
            options: {
                name: string;
                value: string;
            }[];
            default: string;
            description: string;
        };
    };
    taggingMode: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "options";
            options: {
                name: string;
                value: string;
                description: string;
            }[];
            default: string;
            description: string;
        };
    };
    profile: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "string";
            default: string;
            description: string;
        };
    };
    aggregateLabels: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    colors: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "number";
            typeOptions: {
                minValue: number;
                maxValue: number;
            };
            default: number;
            description: string;
        };
    };
    version: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "number";
            typeOptions: {
                minValue: number;
            };
            default: number;
            description: string;
        };
    };
    workspace: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "string";
            default: string;
            description: string;
        };
    };
    storeImages: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    keepProb: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "number";
            typeOptions: {
                minValue: number;
                maxValue: number;
                numberPrecision: number;
            };
            default: number;
            description: string;
        };
    };
    imageFormat: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "options";
            options: {
                name: string;
                value: string;
            }[];
            default: string;
            description: string;
        };
    };
    whiteBackground: {
        bodyKey: string;
        placement: "record";
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    binaryMask: {
        bodyKey: string;
        placement: "record";
        property: {
            displayName: string;
            type: "boolean";
            default: false;
            description: string;
        };
    };
    ocrLanguage: {
        bodyKey: string;
        property: {
            displayName: string;
            type: "options";
            options: {
                name: string;
                value: string;
            }[];
            default: string;
            description: string;
        };
    };
};
export type ServiceOptionKey = keyof typeof SERVICE_OPTIONS;
