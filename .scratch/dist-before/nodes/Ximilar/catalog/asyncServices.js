"use strict";
/**
 * Services that run only as asynchronous jobs (POST /account/v2/request/ with a `type` and
 * an `endpoint`), shapes sections 2, 3 and 8. The UI, the request and the output follow
 * from these entries.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESULT_IMAGE_KEYS = exports.JOB_DONE_STATE = exports.JOB_PENDING_STATES = exports.JOB_TYPES = exports.UPSCALE_MODES = exports.UPSCALE_ENDPOINTS = exports.GRADING_ENDPOINTS = exports.GRADING_MAX_RECORDS = exports.UPSCALER_TYPE = exports.CARD_GRADER_TYPE = void 0;
exports.CARD_GRADER_TYPE = 'card-grader';
exports.UPSCALER_TYPE = 'upscaler';
/** Card grading: at most 2 records per job, the front and the back of one card. */
exports.GRADING_MAX_RECORDS = 2;
exports.GRADING_ENDPOINTS = [
    {
        value: 'grade',
        name: 'Grade',
        description: 'Full grading: corners, edges, surface, centering, final grade and condition',
    },
    { value: 'condition', name: 'Condition', description: 'Condition label only (Near Mint, Played, Damaged, ...)' },
    { value: 'centering', name: 'Centering', description: 'Left/right and top/bottom centering ratios and grade' },
    { value: 'localize', name: 'Localize', description: 'Where the card, its corners and edges are in the photo' },
    {
        value: 'crop_level',
        name: 'Crop and Level',
        description: 'A cropped, straightened and levelled image of the card',
    },
];
exports.UPSCALE_ENDPOINTS = [
    { value: 'upscale_2x', name: '2x', description: 'Twice the width and height' },
    { value: 'upscale_4x', name: '4x', description: 'Four times the width and height' },
    { value: 'upscale_8x', name: '8x', description: 'Eight times the width and height' },
];
exports.UPSCALE_MODES = [
    { value: '', name: 'Ximilar Default', description: 'Let Ximilar choose (nothing is sent)' },
    { value: 'artifact_removal', name: 'Artifact Removal', description: 'Clean up compression artifacts while upscaling' },
    { value: 'ironed_out', name: 'Ironed Out', description: 'Smooth result, less noise and texture' },
    { value: 'high_fidelity', name: 'High Fidelity', description: 'Keep as much detail of the original as possible' },
];
/** Job types the list filter offers (shapes section 2). */
exports.JOB_TYPES = [exports.CARD_GRADER_TYPE, exports.UPSCALER_TYPE, 'collectibles-recognition', 'flows'];
/** Job states (section 2): DONE is final; these are still on their way; anything else failed. */
exports.JOB_PENDING_STATES = ['CREATED', 'PROCESSING', 'PENDING', 'QUEUED'];
exports.JOB_DONE_STATE = 'DONE';
/**
 * Record fields that hold a result image URL (kept 24 h by Ximilar), in order of preference:
 * upscaler, crop and level [guess: field name undocumented], background removal.
 */
exports.RESULT_IMAGE_KEYS = [
    '_upscaled_image_url',
    '_exact_url_card',
    '_output_url',
    '_output_url_whitebg',
    '_output_url_mask',
    '_full_url_card',
];
