"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upscale = upscale;
const asyncServices_1 = require("../../catalog/asyncServices");
const jobOperation_1 = require("../../jobs/jobOperation");
const imageRecord_1 = require("../../records/imageRecord");
const jsonObject_1 = require("../../records/jsonObject");
/** One image per job: the upscaler takes exactly one record (shapes section 8). */
async function upscale() {
    const endpoint = this.getNodeParameter('upscaleEndpoint', 0);
    const mode = (0, jsonObject_1.textParameter)(this.getNodeParameter('upscaleMode', 0, ''));
    return await (0, jobOperation_1.runImageJobs)(this, {
        type: asyncServices_1.UPSCALER_TYPE,
        endpoint,
        fields: mode ? { mode } : {},
        records: async (itemIndex) => {
            const id = (0, jsonObject_1.textParameter)(this.getNodeParameter('recordId', itemIndex, ''));
            const image = await (0, imageRecord_1.readImageField)(this, itemIndex);
            if ('failure' in image)
                return image;
            return { records: [{ ...(id ? { _id: id } : {}), ...image.field }] };
        },
        mayDownload: true,
        fileSuffix: `upscaled-${endpoint.replace(/^upscale_/, '')}`,
    });
}
