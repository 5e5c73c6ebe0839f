"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.gradeCard = gradeCard;
const asyncServices_1 = require("../../catalog/asyncServices");
const jobOperation_1 = require("../../jobs/jobOperation");
const imageRecord_1 = require("../../records/imageRecord");
const jsonObject_1 = require("../../records/jsonObject");
const BACK_IMAGE = { binaryPropertyName: 'backBinaryPropertyName', imageUrl: 'backImageUrl', base64Image: 'backBase64Image' };
/** Item i as grading records: the front, and the back when asked, with Side hints (shapes section 3). */
async function cardRecords(ctx, itemIndex) {
    const id = (0, jsonObject_1.textParameter)(ctx.getNodeParameter('recordId', itemIndex, ''));
    const withBack = ctx.getNodeParameter('withBack', itemIndex, false) === true;
    const front = await (0, imageRecord_1.readImageField)(ctx, itemIndex);
    if ('failure' in front)
        return front;
    const records = [{ ...(id ? { _id: id } : {}), ...(withBack ? { Side: 'Front' } : {}), ...front.field }];
    if (withBack) {
        const back = await (0, imageRecord_1.readImageField)(ctx, itemIndex, BACK_IMAGE);
        if ('failure' in back)
            return { failure: { ...back.failure, message: `back of the card: ${back.failure.message}` } };
        records.push({ ...(id ? { _id: `${id}-back` } : {}), Side: 'Back', ...back.field });
    }
    return { records };
}
async function gradeCard() {
    const endpoint = this.getNodeParameter('gradingEndpoint', 0);
    return await (0, jobOperation_1.runImageJobs)(this, {
        type: asyncServices_1.CARD_GRADER_TYPE,
        endpoint,
        fields: {},
        records: async (itemIndex) => await cardRecords(this, itemIndex),
        mayDownload: endpoint === 'crop_level',
        fileSuffix: 'cropped',
    });
}
