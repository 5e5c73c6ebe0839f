/**
 * A value now, or later. Most items need nothing asynchronous to become a record (an image URL
 * is checked in place); only a file read waits. Each `await` on the way costs a promise and a
 * turn of the microtask queue per item, which for URL items was a good part of the node's own
 * work: so a step that may or may not wait hands on the value itself when it has it.
 */
export type MaybeAsync<T> = T | Promise<T>;

export function isAsync<T>(value: MaybeAsync<T>): value is Promise<T> {
	return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** `next(value)`, at once when the value is there, else once it comes. */
export function andThen<T, R>(value: MaybeAsync<T>, next: (value: T) => MaybeAsync<R>): MaybeAsync<R> {
	return isAsync(value) ? value.then(next) : next(value);
}
