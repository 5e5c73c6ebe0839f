import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type Operation } from '../../description/operations';
import * as gradeCard from './gradeCard.operation';
import * as recognize from './recognize.operation';
import * as runFlow from './runFlow.operation';
import * as upscale from './upscale.operation';

/** Image: the main job first (the nodes panel lists actions in this order), then flows, then the async jobs. */
export const resource = { name: 'Image', value: 'image' };

export const operations = { recognize, runFlow, gradeCard, upscale } satisfies Record<string, Operation>;

export const description: INodeProperties[] = [
	operationSelector(resource.value, Object.values(operations)),
	...Object.values(operations).flatMap((operation) => operation.description),
];
