"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.route = route;
const n8n_workflow_1 = require("n8n-workflow");
const getDetails_1 = require("./account/getDetails");
const getAll_1 = require("./collection/getAll");
const search_1 = require("./collection/search");
const upkeep_1 = require("./collection/upkeep");
const gradeCard_1 = require("./image/gradeCard");
const recognize_1 = require("./image/recognize");
const upscale_1 = require("./image/upscale");
const get_1 = require("./job/get");
const getStatus_1 = require("./job/getStatus");
const list_1 = require("./job/list");
/** Dispatches to the operation; each returns one or more output items per input item, paired. */
async function route() {
    const resource = this.getNodeParameter('resource', 0);
    const operation = this.getNodeParameter('operation', 0);
    const key = `${resource}.${operation}`;
    switch (key) {
        case 'account.getDetails':
            return [await getDetails_1.getAccountDetails.call(this)];
        case 'image.recognize':
            return [await recognize_1.recognize.call(this)];
        case 'image.gradeCard':
            return [await gradeCard_1.gradeCard.call(this)];
        case 'image.upscale':
            return [await upscale_1.upscale.call(this)];
        case 'job.get':
            return [await get_1.getJobResult.call(this)];
        case 'job.getStatus':
            return [await getStatus_1.getJobStatusOperation.call(this)];
        case 'job.list':
            return [await list_1.listJobs.call(this)];
        case 'collection.search':
            return [await search_1.searchCollection.call(this)];
        case 'collection.getAll':
            return [await getAll_1.listCollection.call(this)];
        case 'collection.insert':
        case 'collection.update':
        case 'collection.delete':
        case 'collection.get':
            return [await upkeep_1.upkeepCollection.call(this, operation)];
        default:
            throw new n8n_workflow_1.NodeOperationError(this.getNode(), `The operation "${key}" is not supported`);
    }
}
