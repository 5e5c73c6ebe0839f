/**
 * Ximilar's similarity collection types and the base path of their API (docs/ximilar-api.md
 * §13, S15). Collections made today live at the current paths; collections made on the older
 * generation keep their paths, offered as "legacy" choices.
 */
export interface CollectionType {
	value: string;
	name: string;
	/** What the collection holds, in words for the Collection Type list. */
	description: string;
	basePath: string;
	/** Method a visual search calls: `visual_search` on new fashion collections, else visualKNN. */
	searchMethod: string;
	/** Older fashion and home decor collections also offer tag-aware search (visualTagsKNN). */
	supportsTagSearch?: boolean;
	legacy?: boolean;
}

export const COLLECTION_TYPES: CollectionType[] = [
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

/** Collection methods, appended to the base path (docs/ximilar-api.md §13, S4). */
export const COLLECTION_METHODS = {
	tagSearch: 'visualTagsKNN',
	insert: 'insert',
	update: 'update',
	delete: 'delete',
	get: 'get',
	getAll: 'allRecords',
} as const;

/**
 * Top-level codes (as the HTTP status or as `status.code`) of an upkeep answer that still
 * carries per-record answers: 211 some inserted, 206 some not found, 404 not found, 411
 * duplicate, 412 capacity exceeded (docs/ximilar-api.md, "Collections").
 */
export const PARTIAL_ANSWER_CODES = [206, 211, 404, 411, 412];

export function findCollectionType(value: string): CollectionType | undefined {
	return COLLECTION_TYPES.find((type) => type.value === value);
}
