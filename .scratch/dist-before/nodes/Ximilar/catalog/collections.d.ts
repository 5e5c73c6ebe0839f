/**
 * Ximilar's similarity collection types and the base path of their API (ximilar-shapes.md
 * 10, S15). Collections made today live at the current paths; collections made on the older
 * generation keep their paths, offered as "legacy" choices.
 */
export interface CollectionType {
    value: string;
    name: string;
    /** What the collection holds, in words for the Collection Type list. */
    description: string;
    basePath: string;
    /** Method a visual search calls: `visual_search` on new fashion collections, else visualKNN. */
    searchMethod: string;
    /** Older fashion and home decor collections also offer tag-aware search (visualTagsKNN). */
    supportsTagSearch?: boolean;
    legacy?: boolean;
}
export declare const COLLECTION_TYPES: CollectionType[];
/** Collection methods, appended to the base path (S4 search.py). */
export declare const COLLECTION_METHODS: {
    readonly tagSearch: "visualTagsKNN";
    readonly insert: "insert";
    readonly update: "update";
    readonly delete: "delete";
    readonly get: "get";
    readonly getAll: "allRecords";
};
export declare function findCollectionType(value: string): CollectionType | undefined;
