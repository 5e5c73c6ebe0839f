import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { FLOW_LIST_PATH } from '../catalog/flows';
import { searchPagedList } from './pagedList';

/** A flow as the list shows it: its name, marked when Ximilar says it is not valid (it would refuse to run it). */
function flowItem(flow: IDataObject): INodeListSearchItems {
	const name = String(flow.name ?? flow.id);
	return {
		name: flow.valid === false ? `${name} (not valid)` : name,
		value: String(flow.id),
		...(typeof flow.description === 'string' && flow.description ? { description: flow.description } : {}),
	};
}

/**
 * The Flow field's list: the account's flows (`GET /flows/v2/flow/`, paged `{results, next}`,
 * each `{id, name, description, valid}`: docs/ximilar-api.md §12), one page at a time.
 */
export async function searchFlows(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchPagedList(this, FLOW_LIST_PATH, flowItem, filter, paginationToken);
}
