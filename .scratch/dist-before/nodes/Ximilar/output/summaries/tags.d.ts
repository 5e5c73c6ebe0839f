import type { IDataObject } from 'n8n-workflow';
/**
 * Tags come in two shapes (ximilar-shapes.md 4): photo tags send `_tags` as a LIST of
 * `{name, prob}` (S18, third-party but validated against live answers; in simple mode the
 * entries may lack `prob` or be plain names [G]); fashion and home decor send a MAP of
 * feature -> list (S4), with `_tags_simple` and `_tags_map` beside it (S21). Both are read.
 */
interface Tag {
    feature: string | null;
    name: string;
    prob: number | null;
}
export declare function tagsOf(value: unknown): Tag[];
export declare function tagsRow(record: IDataObject): IDataObject;
export declare function objectTagsRow(record: IDataObject): IDataObject;
/** Fashion `meta` answers `_tags_meta_simple` (S4 README); a `_tags_meta` map beside it is read too [G]. */
export declare function metaTagsRow(record: IDataObject): IDataObject;
export {};
