/** Collection test inputs shared by the collection engine tests. */
import type { InputItem } from '../harness/engine';
import { pngItems } from '../harness/items';

export const COLLECTION = 'products-1';
/** The current generation's product collections (the node's default collection type). */
export const PRODUCT_BASE = '/similarity/products-new/v2';

export const collectionParameters = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'collection',
	operation,
	collectionType: 'product',
	collectionId: COLLECTION,
	...extra,
});

const CATEGORIES = ['shoes', 'bags', 'hats'];

/** n product items with an image, a SKU and a category. */
export function products(count: number, offset = 0): InputItem[] {
	return pngItems(count, offset).map((item, i) => ({
		...item,
		json: { sku: `sku-${offset + i}`, category: CATEGORIES[(offset + i) % 3], price: 10 + offset + i },
	}));
}

export const insertParameters = collectionParameters('insert', {
	recordId: '={{ $json.sku }}',
	imageSource: 'binary',
	binaryPropertyName: 'data',
	metadata: '={{ JSON.stringify({ category: $json.category, price: $json.price }) }}',
});
