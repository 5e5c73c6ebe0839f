import type { IDataObject } from 'n8n-workflow';

import { list, num, obj, objects, str } from '../../json/read';

/** Colours, custom classification and detection, background removal and OCR (docs/ximilar-api.md §7-§11). */

const toHex = (rgb: unknown): string | null => {
	const parts = list(rgb);
	if (parts.length !== 3 || !parts.every((part) => typeof part === 'number')) return null;
	return `#${(parts as number[]).map((part) => Math.round(part).toString(16).padStart(2, '0')).join('')}`;
};

/** `_dominant_colors`: hex and names [T S22], rgb [C S12]; hex made from rgb when absent. */
export function colorsRow(record: IDataObject): IDataObject {
	const dominant = obj(record._dominant_colors);
	const hexSent = list(dominant.rgb_hex_colors ?? dominant.hex_colors).map(str);
	const hex = hexSent.length ? hexSent : list(dominant.rgb_colors).map(toHex);
	const names = list(dominant.color_names).map(str);
	return {
		top_color: names[0] ?? hex[0] ?? null,
		color_names: names,
		colors_hex: hex,
		percentages: list(dominant.percentages).map(num),
	};
}

/**
 * With store_images, Ximilar keeps the image in the workspace and names it in
 * `_stored_image_id` (docs/ximilar-api.md §8, S14): a column once asked for, so every row has it.
 */
function storedImage(record: IDataObject, request: IDataObject): IDataObject {
	return request.store_images === true || record._stored_image_id !== undefined ? { stored_image_id: str(record._stored_image_id) } : {};
}

export function classificationRow(record: IDataObject, request: IDataObject = {}): IDataObject {
	const best = obj(record.best_label);
	return {
		best_label: str(best.name),
		probability: num(best.prob),
		labels: objects(record.labels).map((label) => ({ name: str(label.name), prob: num(label.prob) })),
		...storedImage(record, request),
	};
}

export function detectionRow(record: IDataObject, request: IDataObject = {}): IDataObject {
	const found = objects(record._objects);
	return {
		objects: found.map((object) => str(object.name)),
		object_count: found.length,
		detections: found.map((object) => ({
			name: str(object.name),
			prob: num(object.prob),
			bound_box: list(object.bound_box),
		})),
		...storedImage(record, request),
	};
}

/** `_output_url` (cut-out), `_output_url_mask` (instead of it with binary_mask), `_output_url_whitebg` (S8). */
export function removeBackgroundRow(record: IDataObject): IDataObject {
	return {
		output_url: str(record._output_url ?? record.output_url),
		output_url_mask: str(record._output_url_mask),
		output_url_whitebg: str(record._output_url_whitebg),
	};
}

/** `_ocr.texts[].text` and `_ocr.full_text` (S10, S23); read_gpt's answer at `_gpt.result` [T S23]. */
export function ocrRow(record: IDataObject, withAnswer = false): IDataObject {
	const ocr = obj(record._ocr);
	const lines = objects(ocr.texts)
		.map((entry) => str(entry.text))
		.filter((text): text is string => text !== null);
	const row: IDataObject = {};
	if (withAnswer || record._gpt !== undefined) {
		const gpt = record._gpt;
		row.answer = typeof gpt === 'string' ? gpt : str(obj(gpt).result ?? obj(gpt).answer ?? obj(gpt).text);
	}
	row.text = str(ocr.full_text) ?? (lines.length ? lines.join('\n') : null);
	row.lines = lines;
	row.line_count = lines.length;
	return row;
}
