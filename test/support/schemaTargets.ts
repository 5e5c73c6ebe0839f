import type { INodeTypeDescription } from 'n8n-workflow';

import type { SchemaTarget } from './schemaRuns';

/** Every resource and operation a node description offers, as n8n names schema files by them. */
export function schemaTargets(description: INodeTypeDescription): SchemaTarget[] {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as Array<{ value: string }>).map((option) => ({
				resource: String(property.displayOptions?.show?.resource?.[0]),
				operation: option.value,
			})),
		);
}
