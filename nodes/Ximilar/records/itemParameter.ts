import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

/**
 * Per-item parameters, read through n8n only when they can differ per item. A value
 * that holds no expression (no string starting with "=") is the same for every item, so
 * it is read once per execution and reused: n8n's getNodeParameter costs about a tenth of
 * a millisecond per call even for a constant, and a run reads several per item.
 */

/** What a run knows of one parameter path: whether it holds an expression (the workflow's parameters do not change during a run), and its values when it holds none. */
interface ParameterCache {
	expression: boolean;
	/** By options and fallback. */
	values: Map<string, unknown>;
}

interface RunCache {
	parameters: Map<string, ParameterCache>;
	/** Results that are the same for every item (sameForEveryItem), by key. */
	values: Map<string, unknown>;
}

const caches = new WeakMap<IExecuteFunctions, RunCache>();

function cacheOf(ctx: IExecuteFunctions): RunCache {
	let cache = caches.get(ctx);
	if (!cache) caches.set(ctx, (cache = { parameters: new Map(), values: new Map() }));
	return cache;
}

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsExpression);
	return false;
}

/** The raw value of a parameter path such as "options.additionalRequestFields", as saved in the workflow. */
function rawParameter(ctx: IExecuteFunctions, name: string): unknown {
	let value: unknown = ctx.getNode().parameters;
	for (const key of name.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function parameterCache(ctx: IExecuteFunctions, name: string): ParameterCache {
	const { parameters } = cacheOf(ctx);
	let parameter = parameters.get(name);
	if (!parameter) parameters.set(name, (parameter = { expression: holdsExpression(rawParameter(ctx, name)), values: new Map() }));
	return parameter;
}

/** Whether the parameter at this path holds an expression, so that its value may differ per item. */
export function parameterHoldsExpression(ctx: IExecuteFunctions, name: string): boolean {
	return parameterCache(ctx, name).expression;
}

const keyPart = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** getNodeParameter(name, itemIndex, fallback, options), read once when it holds no expression. */
export function itemParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
): unknown {
	const parameter = parameterCache(ctx, name);
	if (parameter.expression) return ctx.getNodeParameter(name, itemIndex, fallback, options);
	const key = options === undefined ? keyPart(fallback) : `${keyPart(fallback)}\u0000${keyPart(options)}`;
	let value = parameter.values.get(key);
	if (value === undefined && !parameter.values.has(key)) parameter.values.set(key, (value = ctx.getNodeParameter(name, itemIndex, fallback, options)));
	// Callers get their own copy of an object, as n8n hands out.
	return typeof value === 'object' && value !== null ? deepCopy(value) : value;
}

/**
 * `read()` once per run when none of the parameters it reads (`names`) holds an expression:
 * its result is then the same for every item, and every item gets that same result (an
 * operation's request settings, say, which would otherwise be parsed and checked per item).
 */
export function sameForEveryItem<T>(ctx: IExecuteFunctions, key: string, names: string[], read: () => T): T {
	const { values } = cacheOf(ctx);
	// Kept only when it is the same for every item: then it is there from the second item on.
	if (values.has(key)) return values.get(key) as T;
	if (names.some((name) => parameterHoldsExpression(ctx, name))) return read();
	const value = read();
	values.set(key, value);
	return value;
}
