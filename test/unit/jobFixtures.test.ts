/**
 * Documented job answers (test/fixtures/responses/job-*.json) summarised by the job's type and
 * endpoint, as Job > Get, Job > List and the Ximilar Trigger do (docs/ximilar-api.md §4).
 */
import type { IDataObject } from 'n8n-workflow';

import { answerFlags, jobRows } from '../../nodes/Ximilar/output/jobRows';
import { callbackItems } from '../../nodes/XimilarTrigger/callbackItems';
import { responseFixtures } from '../fixtures/responses';

const jobs = responseFixtures().filter((fixture) => fixture.service === 'job');

describe('jobs summarised by their type', () => {
	it('has a fixture that names its source for collectibles-recognition and for flows jobs', () => {
		expect(jobs.map((fixture) => fixture.request.type).sort()).toEqual(['collectibles-recognition', 'flows']);
		for (const fixture of jobs) expect(fixture.source).toMatch(/\bS\d+/);
	});

	it.each(jobs.map((fixture) => [fixture.file, fixture] as const))('%s: Job > Get rows', (_file, fixture) => {
		const job = fixture.response;
		const response = job.response as IDataObject;
		const kind = { type: fixture.request.type, endpoint: fixture.request.endpoint, flags: answerFlags(response) };
		expect(jobRows({ jobId: job.id, jobStatus: job.status }, response.records as IDataObject[], 'allColumns', kind)).toEqual(fixture.expected);
	});

	it.each(jobs.map((fixture) => [fixture.file, fixture] as const))('%s: the Trigger, from the callback and its type headers', (_file, fixture) => {
		const { id, status, response } = fixture.response;
		const headers = { 'x-ximilar-job-type': fixture.request.type, ...(fixture.request.endpoint ? { 'x-ximilar-job-endpoint': fixture.request.endpoint } : {}) };
		expect(callbackItems({ id, status, response }, 'allColumns', headers).map((item) => item.json)).toEqual(fixture.expected);
		// A callback without the headers (a job another client submitted) is read by the shape of its records.
		expect(callbackItems({ id, status, response }, 'allColumns').map((item) => item.json)).toEqual(fixture.expected);
	});

	it('card-grader and upscaler records stay as they were, whatever else they hold', () => {
		const upscaled = { _id: 'u', _upscaled_image_url: 'https://x/u.png', _width: 4, _height: 5 };
		expect(jobRows({}, [upscaled], 'allColumns', { type: 'upscaler', endpoint: 'upscale_2x' })).toEqual([{ _id: 'u', image_url: 'https://x/u.png', original_width: 4, original_height: 5 }]);
		const graded = { _id: 'g', grades: { final: 9, condition: 'Mint' }, _objects: [{ name: 'Card', _identification: {} }] };
		expect(jobRows({}, [graded], 'allColumns', { type: 'card-grader', endpoint: 'grade' })).toEqual([expect.objectContaining({ _id: 'g', final_grade: 9, condition: 'Mint' })]);
	});

	it('a collectibles job with an endpoint of another kind reads that kind\'s columns', () => {
		const record = { _id: 's', _objects: [{ name: 'Card', _identification: { best_match: { name: 'Michael Jordan', set_name: '1986 Fleer', company: 'Fleer' }, distances: [0.1] } }] };
		const [row] = jobRows({}, [record], 'allColumns', { type: 'collectibles-recognition', endpoint: 'sport_id' });
		expect(row).toEqual(expect.objectContaining({ name: 'Michael Jordan', set_name: '1986 Fleer', company: 'Fleer' }));
		expect(row).not.toHaveProperty('set');
	});
});
