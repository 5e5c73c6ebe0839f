"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jobProperties = void 0;
const asyncServices_1 = require("../catalog/asyncServices");
const asyncJob_1 = require("./asyncJob");
const requestOptions_1 = require("./requestOptions");
const show = { resource: ['job'] };
exports.jobProperties = [
    {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show },
        options: [
            {
                name: 'Get',
                value: 'get',
                action: 'Get the result of a job',
                description: 'The result of an async job (card grading, upscaling, ...): one item per image',
            },
            { name: 'Get Status', value: 'getStatus', action: 'Get the status of a job', description: 'Whether a job is done' },
            { name: 'List', value: 'list', action: 'List jobs', description: 'Your async jobs, newest first' },
        ],
        default: 'get',
    },
    {
        displayName: 'Job ID',
        name: 'jobId',
        type: 'string',
        default: '',
        required: true,
        placeholder: '3f1c2a4e-8d2b-4a57-9a0e-2b4c1f0d9e11',
        description: 'The ID a Grade Card or Upscale operation output (field jobId)',
        displayOptions: { show: { ...show, operation: ['get', 'getStatus'] } },
    },
    ...(0, asyncJob_1.downloadProperties)({ ...show, operation: ['get'] }, false),
    {
        displayName: 'Return All',
        name: 'returnAll',
        type: 'boolean',
        default: false,
        description: 'Whether to return all results or only up to a given limit',
        displayOptions: { show: { ...show, operation: ['list'] } },
    },
    {
        displayName: 'Limit',
        name: 'limit',
        type: 'number',
        typeOptions: { minValue: 1 },
        default: 50,
        description: 'Max number of results to return',
        displayOptions: { show: { ...show, operation: ['list'], returnAll: [false] } },
    },
    {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        displayOptions: { show: { ...show, operation: ['list'] } },
        options: [
            {
                displayName: 'Status',
                name: 'status',
                type: 'options',
                options: ['CREATED', 'PROCESSING', 'DONE'].map((value) => ({ name: value, value })),
                default: 'DONE',
            },
            {
                displayName: 'Type',
                name: 'type',
                type: 'options',
                options: asyncServices_1.JOB_TYPES.map((value) => ({ name: value, value })),
                default: 'card-grader',
            },
        ],
    },
    {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        displayOptions: { show },
        options: [
            { ...asyncJob_1.OUTPUT_OPTION, displayOptions: { show: { '/operation': ['get'] } } },
            requestOptions_1.REQUEST_OPTIONS.maxRetries,
            requestOptions_1.REQUEST_OPTIONS.parallelRequests,
            requestOptions_1.REQUEST_OPTIONS.timeout,
        ],
    },
];
