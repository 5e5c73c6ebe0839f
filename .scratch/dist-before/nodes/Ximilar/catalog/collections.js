"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COLLECTION_METHODS = exports.COLLECTION_TYPES = void 0;
exports.findCollectionType = findCollectionType;
exports.COLLECTION_TYPES = [
    {
        value: 'product',
        name: 'Product Similarity',
        description: 'Products of a shop or catalog, found by look (current collections)',
        basePath: '/similarity/products-new/v2',
        searchMethod: 'visualKNN',
    },
    {
        value: 'fashion',
        name: 'Fashion Search',
        description: 'Clothing, shoes and accessories, found by look and detected items (current collections)',
        basePath: '/similarity/fashion-new/v2',
        searchMethod: 'visual_search',
    },
    {
        value: 'homeDecor',
        name: 'Home Decor Search',
        description: 'Furniture and home decor, found by look (current collections)',
        basePath: '/similarity/homedecor-new/v2',
        searchMethod: 'visualKNN',
    },
    {
        value: 'photo',
        name: 'Photo Similarity',
        description: 'Any photos, found by what they show (current collections)',
        basePath: '/similarity/photos/v2',
        searchMethod: 'visualKNN',
    },
    {
        value: 'colors',
        name: 'Color Similarity',
        description: 'Images found by their colors',
        basePath: '/similarity/colors/v2',
        searchMethod: 'visualKNN',
    },
    {
        value: 'custom',
        name: 'Custom Similarity',
        description: 'A similarity model trained for you by Ximilar',
        basePath: '/similarity/custom/v2',
        searchMethod: 'visualKNN',
    },
    {
        value: 'imageMatching',
        name: 'Image Matching',
        description: 'Exact and near-duplicate images (the same photo resized, cropped or edited)',
        basePath: '/image_matching/v2',
        searchMethod: 'visualKNN',
    },
    {
        value: 'productLegacy',
        name: 'Product Similarity (Legacy)',
        description: 'Product collections made on the older API generation',
        basePath: '/similarity/products/v2',
        searchMethod: 'visualKNN',
        legacy: true,
    },
    {
        value: 'fashionLegacy',
        name: 'Fashion Search (Legacy)',
        description: 'Fashion collections made on the older API generation; also searches by tags',
        basePath: '/similarity/fashion/v2',
        searchMethod: 'visualKNN',
        supportsTagSearch: true,
        legacy: true,
    },
    {
        value: 'homeDecorLegacy',
        name: 'Home Decor Search (Legacy)',
        description: 'Home decor collections made on the older API generation; also searches by tags',
        basePath: '/similarity/homedecor/v2',
        searchMethod: 'visualKNN',
        supportsTagSearch: true,
        legacy: true,
    },
    {
        value: 'photoLegacy',
        name: 'Photo Similarity (Legacy)',
        description: 'Photo collections made on the older API generation',
        basePath: '/photo/search/v2',
        searchMethod: 'visualKNN',
        legacy: true,
    },
    {
        value: 'customPath',
        name: 'Other (Enter Base Path)',
        description: 'Any other collection API: enter its base path',
        basePath: '',
        searchMethod: 'visualKNN',
    },
];
/** Collection methods, appended to the base path (S4 search.py). */
exports.COLLECTION_METHODS = {
    tagSearch: 'visualTagsKNN',
    insert: 'insert',
    update: 'update',
    delete: 'delete',
    get: 'get',
    getAll: 'allRecords',
};
function findCollectionType(value) {
    return exports.COLLECTION_TYPES.find((type) => type.value === value);
}
