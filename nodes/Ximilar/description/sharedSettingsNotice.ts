import type { INodeProperties } from 'n8n-workflow';

/**
 * Tells users which settings one request shares. Items are batched up to 10 per request,
 * so settings that go into the request (rather than into each record) group the items:
 * items whose values differ are sent in separate requests.
 */
export function sharedSettingsNotice(name: string, perRequest: string, show?: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties {
	return {
		displayName: `Items are sent up to 10 per request. ${perRequest} may be mapped per item: items with different values go in separate requests. The Options below apply to the whole run.`,
		name,
		type: 'notice',
		default: '',
		...(show ? { displayOptions: { show } } : {}),
	};
}
