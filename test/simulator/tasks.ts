/**
 * The account's custom tasks, as Ximilar's task list answers (`GET /recognition/v2/task/`,
 * `GET /detection/v2/task/`): a Django REST page `{ count, next, previous, results }` of
 * `{ id, name, type, production_version, workspace }` (Ximilar's own client reads `id`,
 * `name`, `type` and `production_version`, and follows pages; ximilar-client recognition.py).
 * `search` filters by name, as the client's label search does.
 */
import type { HandlerResult, RequestContext } from './types';
import { stableUuid } from './util';

const PAGE_SIZE = 3;

const TASKS: Record<string, { name: string; type: string }[]> = {
	'/recognition/v2/task/': [
		{ name: 'Sneaker models', type: 'multi_class' },
		{ name: 'Card condition', type: 'multi_class' },
		{ name: 'Product tags', type: 'multi_label' },
		{ name: 'Artwork style', type: 'multi_class' },
	],
	'/detection/v2/task/': [{ name: 'Logo detector', type: 'detection' }],
};

export const TASK_LIST_PATHS = Object.keys(TASKS);

export function listTasks(path: string, ctx: RequestContext): HandlerResult {
	const search = (ctx.query.get('search') ?? '').toLowerCase();
	const all = TASKS[path]
		.map((task) => ({
			id: stableUuid(`task:${path}:${task.name}`),
			name: task.name,
			type: task.type,
			production_version: 1,
			workspace: stableUuid('simulator-workspace'),
		}))
		.filter((task) => task.name.toLowerCase().includes(search));
	const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
	const results = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
	const link = (to: number) => `${ctx.selfUrl}${path}?page=${to}${search ? `&search=${encodeURIComponent(search)}` : ''}`;
	return {
		status: 200,
		body: {
			count: all.length,
			next: page * PAGE_SIZE < all.length ? link(page + 1) : null,
			previous: page > 1 ? link(page - 1) : null,
			results,
		},
	};
}
