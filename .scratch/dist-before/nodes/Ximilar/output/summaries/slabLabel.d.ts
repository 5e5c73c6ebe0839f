import type { IDataObject } from 'n8n-workflow';
export declare function categoryOf(object: IDataObject): string | null;
export declare function isSlabLabel(object: IDataObject): boolean;
export declare function slabColumns(slab: IDataObject | undefined): IDataObject;
