import type { INodeProperties } from 'n8n-workflow';

import { loadPackage } from '../harness/package';

/** How the node's panels read in the editor, checked on the published description. */
const { Ximilar } = loadPackage();
const properties = new Ximilar().description.properties;
const named = (name: string): INodeProperties[] => properties.filter((property) => property.name === name);

describe('panels', () => {
	it('puts the Image resource (Recognize an image) first, so its actions head the nodes panel list', () => {
		const [resource] = named('resource');
		expect(resource.options?.map((option) => ('value' in option ? option.value : undefined))[0]).toBe('image');
		const imageOperations = named('operation').find((property) => property.displayOptions?.show?.resource?.includes('image'));
		expect(imageOperations?.options?.[0]).toEqual(expect.objectContaining({ value: 'recognize', action: 'Recognize an image' }));
	});

	it('describes every Collection Type in words, not as an API path', () => {
		const [collectionType] = named('collectionType');
		const descriptions = (collectionType.options ?? []).map((option) => ('description' in option ? option.description : undefined));
		expect(descriptions.length).toBeGreaterThan(3);
		for (const description of descriptions) {
			expect(description).toEqual(expect.any(String));
			expect(description).not.toMatch(/\/\w|API path/);
		}
	});
});
