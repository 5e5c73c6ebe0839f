/** Reading the node's outputs in tests: error items in either of the shapes n8n accepts. */
import type { OutputItem } from '../harness/engine';

export interface ItemFailureView {
	message: string;
	description: string;
}

/**
 * The failure an output item reports, or undefined for a result. An error item carries
 * `.error` (n8n then cuts its json to `{ error }`), or only json: `error` with the details
 * beside it (`errorDescription`), or, on the error output, `error` holding every detail.
 */
export function failureOf(item: OutputItem): ItemFailureView | undefined {
	const json = item.json ?? {};
	if (item.error) {
		const description = item.error.description ?? json.errorDescription ?? '';
		return { message: item.error.message, description: String(description) };
	}
	if (typeof json.error === 'string') {
		return { message: json.error, description: String(json.errorDescription ?? '') };
	}
	// The error output's shape: every detail inside `error`, beside the input item's fields.
	if (typeof json.error === 'object' && json.error !== null) {
		const error = json.error as { message?: unknown; description?: unknown };
		return { message: String(error.message), description: String(error.description ?? '') };
	}
	return undefined;
}

export function isErrorItem(item: OutputItem): boolean {
	return failureOf(item) !== undefined;
}

/** The input index an output item is paired with (n8n allows a number, an object or a list). */
export function pairedIndex(item: OutputItem): number | undefined {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired.length === 1 ? paired[0].item : undefined;
	return paired?.item;
}

/** JSON.stringify that survives circular references and shows Error fields that are not enumerable. */
export function dump(value: unknown): string {
	const seen = new WeakSet<object>();
	const text = JSON.stringify(value, function (_key, inner: unknown) {
		if (typeof inner === 'bigint') return String(inner);
		if (typeof inner === 'object' && inner !== null) {
			if (seen.has(inner)) return '[circular]';
			seen.add(inner);
			if (inner instanceof Error) {
				const plain: Record<string, unknown> = { name: inner.name, message: inner.message, stack: inner.stack };
				for (const key of Object.getOwnPropertyNames(inner)) plain[key] = (inner as unknown as Record<string, unknown>)[key];
				return plain;
			}
		}
		return inner;
	});
	return text ?? '';
}
