import { makeBigImage, makePng, sampleBytes, type SampleKind } from '../fixtures/images';
import type { InputItem } from './engine';

/** n input items, each with a small real PNG in the binary property `data`. */
export function pngItems(count: number, offset = 0): InputItem[] {
	return Array.from({ length: count }, (_, i) => ({
		json: { row: offset + i },
		binary: { data: { data: makePng(8, 8, offset + i), mimeType: 'image/png', fileName: `card-${offset + i}.png` } },
	}));
}

/** One input item holding a sample of a format (SVG, AVIF, ...) under an image-like name. */
export function sampleItem(kind: SampleKind, row: number, fileName = `photo-${row}.jpg`): InputItem {
	return { json: { row }, binary: { data: { data: sampleBytes(kind), mimeType: 'image/jpeg', fileName } } };
}

/** An item with a valid image of about `bytes` bytes. */
export function bigImageItem(bytes: number, row: number): InputItem {
	return { json: { row }, binary: { data: { data: makeBigImage(bytes, row), mimeType: 'image/png', fileName: `big-${row}.png` } } };
}

/** Items that carry an image URL in their json, for Image Source "Image URL". */
export function urlItems(count: number): InputItem[] {
	return Array.from({ length: count }, (_, i) => ({ json: { row: i, url: `https://img.example.com/card-${i}.jpg` } }));
}
