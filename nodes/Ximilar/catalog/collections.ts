/** Ximilar's similarity collection types and the base path of their API. */
export interface CollectionType {
	value: string;
	name: string;
	basePath: string;
	/** Fashion collections also offer tag-aware search (visualTagsKNN). */
	supportsTagSearch?: boolean;
}

export const COLLECTION_TYPES: CollectionType[] = [
	{ value: 'photo', name: 'Photo Similarity', basePath: '/similarity/photos/v2' },
	{ value: 'product', name: 'Product Similarity', basePath: '/similarity/products/v2' },
	{
		value: 'fashion',
		name: 'Fashion Search',
		basePath: '/similarity/fashion/v2',
		supportsTagSearch: true,
	},
	{ value: 'custom', name: 'Custom Similarity', basePath: '/similarity/custom/v2' },
	{ value: 'imageMatching', name: 'Image Matching', basePath: '/image_matching/v2' },
	{ value: 'customPath', name: 'Custom Base Path', basePath: '' },
];

/** Collection methods, appended to the base path. */
export const COLLECTION_METHODS = {
	search: 'visualKNN',
	tagSearch: 'visualTagsKNN',
	insert: 'insert',
	update: 'update',
	delete: 'delete',
	get: 'get',
} as const;

export function findCollectionType(value: string): CollectionType | undefined {
	return COLLECTION_TYPES.find((type) => type.value === value);
}
