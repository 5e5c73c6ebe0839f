import type { INodeProperties } from 'n8n-workflow';

/**
 * One sentence on batching, above the Options: items go up to 10 per request, so settings
 * that go into the request (rather than with each image) group the items, and items whose
 * values differ go in separate requests.
 */
export function sharedSettingsNotice(name: string, perRequest: string, show?: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties {
	return {
		displayName: `Up to 10 images go in one request; items whose ${perRequest} differ go in separate requests.`,
		name,
		type: 'notice',
		default: '',
		...(show ? { displayOptions: { show } } : {}),
	};
}
