"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.imageMimeType = imageMimeType;
exports.resultFileName = resultFileName;
exports.downloadResultImages = downloadResultImages;
const simplifyJobs_1 = require("../output/simplifyJobs");
const EXTENSIONS = {
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'image/webp': 'webp',
    'image/gif': 'gif',
    'image/tiff': 'tiff',
    'image/bmp': 'bmp',
};
const MIME_BY_EXTENSION = Object.fromEntries(Object.entries(EXTENSIONS).map(([mime, ext]) => [ext, mime]));
/** The MIME type of a downloaded image: the server's Content-Type, else the URL's extension. */
function imageMimeType(contentType, url) {
    const header = (Array.isArray(contentType) ? contentType[0] : contentType);
    const type = typeof header === 'string' ? header.split(';')[0].trim().toLowerCase() : '';
    if (type.startsWith('image/'))
        return type;
    const ext = /\.([a-z0-9]+)(?:$|\?)/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
    return (ext && MIME_BY_EXTENSION[ext === 'jpeg' ? 'jpg' : ext]) || 'application/octet-stream';
}
/** `card-7.png` + `upscaled` + image/png -> `card-7-upscaled.png`. */
function resultFileName(baseName, suffix, mimeType) {
    const stem = baseName.replace(/\.[a-z0-9]{1,5}$/i, '') || 'image';
    const ext = EXTENSIONS[mimeType] ?? 'bin';
    return `${stem}-${suffix}.${ext}`;
}
/**
 * Downloads the result image of every record (URLs Ximilar keeps 24 h) into n8n binary
 * data, through n8n's HTTP helper, at most `parallel` at a time. A failed download turns
 * only its item into a failure; the others keep their images.
 */
async function downloadResultImages(ctx, outcomes, spec) {
    const tasks = [];
    outcomes.forEach((outcome, itemIndex) => {
        if (!outcome || 'failure' in outcome)
            return;
        const records = outcome.record.records ?? [];
        records.forEach((record, position) => {
            const url = (0, simplifyJobs_1.resultImageUrl)(record);
            if (url)
                tasks.push({ itemIndex, position, url, jobId: String(outcome.record.jobId ?? '') });
        });
    });
    const images = new Map();
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const task = tasks[next++];
            if (outcomes[task.itemIndex] && 'failure' in outcomes[task.itemIndex])
                continue;
            try {
                const response = (await ctx.helpers.httpRequest({
                    method: 'GET',
                    url: task.url,
                    encoding: 'arraybuffer',
                    returnFullResponse: true,
                    timeout: spec.timeoutMs,
                }));
                const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
                const mimeType = imageMimeType(response.headers?.['content-type'], task.url);
                const fileName = resultFileName(spec.baseName(task.itemIndex, task.position), spec.suffix, mimeType);
                const binary = await ctx.helpers.prepareBinaryData(bytes, fileName, mimeType);
                images.set(`${task.itemIndex}:${task.position}`, { [spec.property]: binary });
            }
            catch (error) {
                const failure = {
                    kind: 'api',
                    message: `Could not download the result image of job ${task.jobId}: ${error.message}`,
                    description: `The job is done and billed; its image stays at ${task.url} for 24 hours. Get it with Job > Get (Download Result Images) or an HTTP Request node.`,
                };
                outcomes[task.itemIndex] = { failure };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(spec.parallel, tasks.length)) }, worker));
    // An item whose download failed keeps no image from its other side either.
    for (const key of [...images.keys()]) {
        const itemIndex = Number(key.split(':')[0]);
        if (outcomes[itemIndex] && 'failure' in outcomes[itemIndex])
            images.delete(key);
    }
    return images;
}
