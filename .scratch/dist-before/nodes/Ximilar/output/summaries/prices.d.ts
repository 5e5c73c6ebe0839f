import type { IDataObject } from 'n8n-workflow';
export declare function statsColumns(match: IDataObject | undefined): IDataObject;
export declare function listingColumns(match: IDataObject | undefined): IDataObject;
