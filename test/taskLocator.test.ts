/**
 * Task as a resource locator: the list comes from Ximilar's task
 * list for the chosen service, searchable and paged; a task picked from the list or
 * entered by ID reaches the request.
 */
import { listSearch, runNode } from './harness/engine';
import { urlItems } from './harness/items';
import { useSimulator } from './harness/useSimulator';

const ctx = useSimulator();

const recognize = (service: string, task: unknown) => ({
	resource: 'image',
	operation: 'recognize',
	service,
	task,
	imageSource: 'url',
	imageUrl: '={{ $json.url }}',
});

const list = async (service: string, filter?: string, paginationToken?: string) =>
	await listSearch({
		parameters: recognize(service, { __rl: true, mode: 'list', value: '' }) as never,
		credentials: ctx.credentials,
		method: 'searchTasks',
		parameter: 'task',
		filter,
		paginationToken,
	});

describe('the Task list', () => {
	it('lists the recognition tasks of the account by name, page by page', async () => {
		const first = await list('customClassify');
		expect(first.results.map((task) => task.name)).toEqual(['Card condition', 'Product tags', 'Sneaker models']);
		expect(first.paginationToken).toBe('2');
		const second = await list('customClassify', undefined, first.paginationToken as string);
		expect(second.results.map((task) => task.name)).toEqual(['Artwork style']);
		expect(second.paginationToken).toBeUndefined();
		expect(ctx.sim.log.map((entry) => [entry.method, entry.path, entry.query])).toEqual([
			['GET', '/recognition/v2/task/', 'page=1'],
			['GET', '/recognition/v2/task/', 'page=2'],
		]);
	});

	it('searches by name, and lists detection tasks for Custom Object Detection', async () => {
		expect((await list('customClassify', 'card')).results.map((task) => task.name)).toEqual(['Card condition']);
		expect((await list('customDetect')).results.map((task) => task.name)).toEqual(['Logo detector']);
		expect(ctx.sim.log.map((entry) => entry.path)).toEqual(['/recognition/v2/task/', '/detection/v2/task/']);
	});

	it('sends the task picked from the list, or entered by ID', async () => {
		const [picked] = (await list('customClassify', 'sneaker')).results;
		const fromList = await runNode({
			parameters: recognize('customClassify', { __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name }) as never,
			items: urlItems(1),
			credentials: ctx.credentials,
		});
		expect(fromList.error).toBeUndefined();
		expect(ctx.sim.lastBody('/recognition/v2/classify/').task).toBe(picked.value);

		const byId = await runNode({
			parameters: recognize('customDetect', { __rl: true, mode: 'id', value: 'task-by-id-7' }) as never,
			items: urlItems(1),
			credentials: ctx.credentials,
		});
		expect(byId.error).toBeUndefined();
		expect(ctx.sim.lastBody('/detection/v2/detect/').task).toBe('task-by-id-7');
	});
});
