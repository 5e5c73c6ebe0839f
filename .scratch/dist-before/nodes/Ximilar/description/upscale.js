"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upscaleProperties = void 0;
const asyncServices_1 = require("../catalog/asyncServices");
const asyncJob_1 = require("./asyncJob");
const imageSource_1 = require("./imageSource");
const show = { resource: ['image'], operation: ['upscale'] };
exports.upscaleProperties = [
    {
        displayName: 'Scale',
        name: 'upscaleEndpoint',
        type: 'options',
        noDataExpression: true,
        options: asyncServices_1.UPSCALE_ENDPOINTS.map(({ name, value, description }) => ({ name, value, description })),
        default: 'upscale_2x',
        displayOptions: { show },
    },
    {
        displayName: 'Mode',
        name: 'upscaleMode',
        type: 'options',
        options: asyncServices_1.UPSCALE_MODES.map(({ name, value, description }) => ({ name, value, description })),
        default: '',
        displayOptions: { show },
    },
    ...(0, imageSource_1.imageSourceProperties)(show),
    {
        displayName: 'Record ID',
        name: 'recordId',
        type: 'string',
        default: '',
        description: 'Optional ID sent as the record\'s _id and returned with the result',
        displayOptions: { show },
    },
    ...(0, asyncJob_1.asyncJobProperties)(show),
    ...(0, asyncJob_1.downloadProperties)({ ...show, resultMode: ['wait'] }, true),
    (0, asyncJob_1.asyncOptions)(show),
];
