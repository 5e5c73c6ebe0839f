/** Checks on an example file as it is shipped. */
import { CREDENTIAL_NAME, NODE_TYPE } from '../lib/config';
import { check, checkEqual, show } from '../lib/report';
import type { Workflow } from '../lib/workflows';

export function checkExampleFile(file: string, example: Workflow): void {
	const label = `example ${file}`;
	const ximilar = example.nodes.filter((node) => node.type === NODE_TYPE);
	check(`${label}: has Ximilar nodes`, ximilar.length > 0);
	const references = example.nodes.flatMap((node) => Object.values(node.credentials ?? {}));
	check(
		`${label}: credentials are referenced by name only (id null), Ximilar as "${CREDENTIAL_NAME}"`,
		references.every((reference) => reference.id === null && typeof reference.name === 'string') &&
			ximilar.every((node) => node.credentials?.ximilarApi?.name === CREDENTIAL_NAME),
		show(example.nodes.filter((node) => node.credentials).map((node) => [node.name, node.credentials])),
	);
	check(`${label}: no pinned data`, !example.pinData || Object.keys(example.pinData as object).length === 0);
	const names = new Set(example.nodes.map((node) => node.name));
	const dangling = Object.entries(example.connections).flatMap(([from, { main }]) =>
		[from, ...main.flat().map((connection) => connection.node)].filter((name) => !names.has(name)),
	);
	checkEqual(`${label}: connections name existing nodes`, dangling, []);
}
