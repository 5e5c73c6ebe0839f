import type { IExecuteFunctions } from 'n8n-workflow';

import { BACK_IMAGE, FRONT_IMAGE, readImageSource } from './imageParameters';
import { itemParameter } from './itemParameter';
import { textParameter } from './jsonObject';

/** The name of an item's input image file (or of its URL), for naming a result image: position 0 the front, 1 the back. */
export function inputFileName(ctx: IExecuteFunctions, itemIndex: number, position: number): string {
	const names = position === 0 ? FRONT_IMAGE : BACK_IMAGE;
	const source = readImageSource(ctx, itemIndex);
	if (source === 'binary') {
		const property = textParameter(itemParameter(ctx, names.binaryField, itemIndex));
		const name = ctx.getInputData()[itemIndex]?.binary?.[property]?.fileName;
		if (name) return name;
	} else if (source === 'url') {
		try {
			const segment = new URL(textParameter(itemParameter(ctx, names.url, itemIndex))).pathname.split('/').pop();
			if (segment) return decodeURIComponent(segment);
		} catch {
			// fall through to the item number
		}
	}
	return `image-${itemIndex}${position === 0 ? '' : '-back'}`;
}
