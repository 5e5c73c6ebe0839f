import type { INodeProperties } from 'n8n-workflow';
export declare const collectionProperties: INodeProperties[];
