import type { IExecuteFunctions } from 'n8n-workflow';

import { itemParameter } from './itemParameter';

/**
 * The names of the parameters an image is read from. The panel declares its fields with
 * these names (description/imageSource.ts, the back fields of Grade Card) and every reader
 * reads through them. Readers pass no fallback: n8n fills in the default the panel declares
 * for a shown field, so a reader cannot assume another default than the panel shows.
 */
export type ImageSource = 'binary' | 'url' | 'base64';

export const IMAGE_SOURCE_PARAMETER = 'imageSource';

export interface ImageParameters {
	binaryField: string;
	url: string;
	base64: string;
}

export const FRONT_IMAGE: ImageParameters = {
	binaryField: 'binaryPropertyName',
	url: 'imageUrl',
	base64: 'base64Image',
};

/** The back of a card graded front and back together. */
export const BACK_IMAGE: ImageParameters = {
	binaryField: 'backBinaryPropertyName',
	url: 'backImageUrl',
	base64: 'backBase64Image',
};

/** Where item i's image comes from. No fallback: n8n fills the default of the field shown (Binary File, or Image URL in the tool variant). */
export function readImageSource(ctx: IExecuteFunctions, itemIndex: number): ImageSource {
	return itemParameter(ctx, IMAGE_SOURCE_PARAMETER, itemIndex) as ImageSource;
}
