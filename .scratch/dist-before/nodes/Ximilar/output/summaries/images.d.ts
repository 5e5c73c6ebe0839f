import type { IDataObject } from 'n8n-workflow';
/** `_dominant_colors`: hex and names [T S22], rgb [C S12]; hex made from rgb when absent. */
export declare function colorsRow(record: IDataObject): IDataObject;
export declare function classificationRow(record: IDataObject): IDataObject;
export declare function detectionRow(record: IDataObject): IDataObject;
/** `_output_url` (cut-out), `_output_url_mask` (instead of it with binary_mask), `_output_url_whitebg` (S8). */
export declare function removeBackgroundRow(record: IDataObject): IDataObject;
/** `_ocr.texts[].text` and `_ocr.full_text` (S10, S23); read_gpt's answer at `_gpt.result` [T S23]. */
export declare function ocrRow(record: IDataObject, withAnswer?: boolean): IDataObject;
