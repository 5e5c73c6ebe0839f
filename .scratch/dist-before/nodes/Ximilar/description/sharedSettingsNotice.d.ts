import type { INodeProperties } from 'n8n-workflow';
/**
 * Tells users which settings one request shares. Items are batched up to 10 per request,
 * so settings that go into the request (rather than into each record) group the items:
 * items whose values differ are sent in separate requests.
 */
export declare function sharedSettingsNotice(name: string, perRequest: string, show: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties;
