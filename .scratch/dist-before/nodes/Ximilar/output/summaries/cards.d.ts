import type { IDataObject } from 'n8n-workflow';
/**
 * Card, sport card and comic identification (ximilar-shapes.md 1.2): one row per
 * identified card. A photo normally gives one; with analyze_all every card found gets its
 * own row. The "Slab Label" object is never taken for the card: it only adds slab columns.
 */
export type CardKind = 'tcg' | 'sport' | 'comic';
/** Ximilar's own tiers (S3 ximilar.py): distance <= 0.18 high, <= 0.30 medium, else low. */
export declare function confidenceWord(distance: number | null): string | null;
export interface CardContext {
    /** Top-level fields sent: price columns appear when prices were asked for, and so on. */
    request: IDataObject;
    cardsFound: number;
    index?: number;
}
/** One row per identified card (at least one row, so no input item disappears). */
export declare function cardRows(kind: CardKind | 'auto', record: IDataObject, request: IDataObject): IDataObject[];
/** Slab services: the label's columns lead, then the card it holds. */
export declare function slabRows(record: IDataObject, request: IDataObject): IDataObject[];
