import type { IExecuteFunctions } from 'n8n-workflow';

import { textParameter } from '../records/jsonObject';

/** The name of an item's input image file (or of its URL), for naming the result image. */
export function inputFileName(ctx: IExecuteFunctions, itemIndex: number, position: number): string {
	const item = ctx.getInputData()[itemIndex];
	const source = ctx.getNodeParameter('imageSource', itemIndex, 'binary') as string;
	const side = position === 0 ? '' : '-back';
	if (source === 'binary') {
		const parameter = position === 0 ? 'binaryPropertyName' : 'backBinaryPropertyName';
		const property = textParameter(ctx.getNodeParameter(parameter, itemIndex, 'data'));
		const name = item?.binary?.[property]?.fileName;
		if (name) return name;
	} else if (source === 'url') {
		const parameter = position === 0 ? 'imageUrl' : 'backImageUrl';
		try {
			const segment = new URL(textParameter(ctx.getNodeParameter(parameter, itemIndex, ''))).pathname.split('/').pop();
			if (segment) return decodeURIComponent(segment);
		} catch {
			// fall through to the item number
		}
	}
	return `image-${itemIndex}${side}`;
}
