import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type Operation } from '../../description/operations';
import * as getDetails from './getDetails.operation';

/** Account: what the API token's account has (credits used and limit). */
export const resource = { name: 'Account', value: 'account' };

export const operations = { getDetails } satisfies Record<string, Operation>;

export const description: INodeProperties[] = [operationSelector(resource.value, Object.values(operations))];
