/**
 * The canvas names what a node does in the user's words: its subtitle is an expression n8n's
 * editor evaluates with `$parameter` holding the node's values (with defaults), so it maps
 * values to the names the panel shows. The trigger's event is named for what it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INode, INodeParameters, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { loadPackage } from '../harness/package';
import { schemaTargets } from '../support/schemaTargets';
import { subtitleExpression } from '../support/subtitle';

const { Ximilar } = loadPackage();
const node = new Ximilar();
const { description } = node;

/** What n8n's editor shows under the node (useNodeHelpers().getNodeSubtitle): the subtitle evaluated over the node's parameters. */
function subtitleFor(parameters: INodeParameters): unknown {
	const nodeTypes: INodeTypes = {
		getByName: () => node,
		getByNameAndVersion: () => node,
		getKnownTypes: () => ({}),
	};
	const withDefaults = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description) ?? {};
	const data: INode = { id: 'x', name: 'Ximilar', type: 'n8n-nodes-ximilar.ximilar', typeVersion: 1, position: [0, 0], parameters: withDefaults };
	const workflow = new Workflow({ nodes: [data], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(data, description.subtitle!, 'internal', {});
}

describe('subtitles', () => {
	it('the node holds the expression made from its own lists (test/support/subtitle.ts)', () => {
		const operations = description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => (property.options as Array<{ name: string; value: string }>).map((option) => ({ resource: String(property.displayOptions?.show?.resource?.[0]), option })));
		expect(description.subtitle).toBe(subtitleExpression(operations));
		// n8n's expression ends at the first "}}": the only one closes it.
		expect(description.subtitle!.indexOf('}}')).toBe(description.subtitle!.length - 2);
	});

	it.each([
		[{}, 'Recognize: Trading Card Identification'],
		[{ service: 'fashionTags' }, 'Recognize: Fashion Tagging'],
		[{ operation: 'runFlow' }, 'Run Flow'],
		[{ operation: 'gradeCard', gradingEndpoint: 'centering' }, 'Grade Card: Centering'],
		[{ operation: 'upscale', upscaleEndpoint: 'upscale_4x' }, 'Upscale: 4x'],
		[{ resource: 'account', operation: 'getDetails' }, 'Get Account Details'],
		[{ resource: 'collection', operation: 'search' }, 'Search Collection'],
		[{ resource: 'job', operation: 'list' }, 'List Jobs'],
	])('%j reads "%s"', (parameters, shown) => {
		expect(subtitleFor(parameters as INodeParameters)).toBe(shown);
	});

	it('names every operation of the node', () => {
		for (const { resource, operation } of schemaTargets(description)) {
			const shown = String(subtitleFor({ resource, operation }));
			expect({ resource, operation, shown: /^[A-Z][A-Za-z ]+(: .+)?$/.test(shown) && !shown.includes(operation) }).toEqual({ resource, operation, shown: true });
		}
	});
});

describe('the Ximilar Trigger', () => {
	const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const triggerFile = path.join(__dirname, '../..', manifest.n8n.nodes[1]);
	const { XimilarTrigger } = require(triggerFile) as { XimilarTrigger: new () => INodeType };
	const trigger = new XimilarTrigger().description;

	it('names its event, so n8n\'s nodes panel lists "On job done" rather than "On new Ximilar event"', () => {
		// n8n's nodes panel (triggersCategory) takes the options of a property named Event, Events or Trigger On.
		const event = trigger.properties.find((property) => ['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()));
		expect(event?.options).toEqual([expect.objectContaining({ name: 'Job Done', value: 'jobDone', action: 'On job done' })]);
		expect(event?.default).toBe('jobDone');
	});
});
