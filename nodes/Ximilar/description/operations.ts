import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** An operation as the Operation list shows it: `action` is what the nodes panel lists ("Recognize an image"). */
export interface OperationOption {
	name: string;
	value: string;
	action: string;
	description: string;
}

/** One operation: how the panel lists it, its fields (already scoped to it) and what it does. */
export interface Operation {
	option: OperationOption;
	description: INodeProperties[];
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
}

/** The show-condition of one operation's fields (n8n's updateDisplayOptions merges it into each field's own). */
export function showFor(resource: string, operation: string) {
	return { show: { resource: [resource], operation: [operation] } };
}

/** A resource's Operation list, its operations in the order given; the first is the default unless another is named. */
export function operationSelector(resource: string, operations: Operation[], defaultValue = operations[0].option.value): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map((operation) => operation.option),
		default: defaultValue,
	};
}
