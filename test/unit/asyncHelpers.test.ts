import { pollDelay } from '../../nodes/Ximilar/engine/jobs/waitForJob';
import { jobPhase, jobRecords } from '../../nodes/Ximilar/engine/jobs/jobState';
import { resultFileName } from '../../nodes/Ximilar/engine/downloads';
import { simplifyGrading, simplifyJobRecord } from '../../nodes/Ximilar/output/simplifyJobs';
import { callbackItems } from '../../nodes/XimilarTrigger/callbackItems';
import { secretMatches } from '../../nodes/XimilarTrigger/secret';

describe('secretMatches', () => {
	it('accepts only the exact secret', () => {
		expect(secretMatches('s3cret', 's3cret')).toBe(true);
		expect(secretMatches(['s3cret'], 's3cret')).toBe(true);
		for (const wrong of [undefined, '', 's3cre', 's3cret!', 'S3cret', 'x3cret']) expect(secretMatches(wrong, 's3cret')).toBe(false);
	});
	it('accepts nothing when no secret is configured', () => {
		expect(secretMatches('', '')).toBe(false);
		expect(secretMatches('anything', '')).toBe(false);
	});
});

describe('job states and polling', () => {
	it('only DONE ends a job: every other word, documented or not, is polled on (docs/ximilar-api.md §4)', () => {
		expect(['DONE', 'done', 'CREATED', 'PROCESSING', 'QUEUED', 'ERROR', 'FAILED', 'SOMETHING_NEW', undefined].map(jobPhase)).toEqual([
			'done', 'done', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending',
		]);
	});
	it('polls after 1 s, 1.5x longer each time, at most 15 s apart', () => {
		expect([0, 1, 2, 3, 10].map(pollDelay)).toEqual([1000, 1500, 2250, 3375, 15000]);
	});
	it('a done job whose every record failed is a failure; one good record is a result', () => {
		const bad = { _status: { code: 500, text: 'Processing failed' } };
		const good = { _status: { code: 200, text: 'OK' } };
		expect(jobRecords({ status: 'DONE', response: { records: [bad] } }, 'j')).toMatchObject({ failure: { statusCode: 500, statusText: 'Processing failed' } });
		expect(jobRecords({ status: 'DONE', response: { records: [good, bad], pricing: true, status: { code: 200 } } }, 'j')).toEqual({ records: [good, bad], flags: { pricing: true } });
		const notDone = jobRecords({ status: 'ERROR', response: null }, 'j');
		expect(notDone).toMatchObject({ failure: { message: 'Ximilar job j is not done (status ERROR)', statusText: 'ERROR' } });
		expect('failure' in notDone && notDone.failure.description).toMatch(/names no failure state: status ERROR may mean the job failed/);
		const running = jobRecords({ status: 'PROCESSING', response: null }, 'j');
		expect('failure' in running && running.failure.description).toMatch(/keeps running at Ximilar/);
	});
});

describe('result files', () => {
	it('names the file after the input file', () => {
		expect(resultFileName('card-7.png', 'upscaled-4x', 'image/jpeg')).toBe('card-7-upscaled-4x.jpg');
		expect(resultFileName('SKU 1', 'result', 'image/webp')).toBe('SKU 1-result.webp');
		expect(resultFileName('scan.tif', 'result', 'image/heic')).toBe('scan-result.heic');
	});
});

describe('grading output', () => {
	const record = {
		_id: 'c1',
		card: [{ _tags: { Side: [{ name: 'back', prob: 0.9 }] }, centering: { 'left/right': '41/59', 'top/bottom': '52/48', grade: 8.5 }, surface: { grade: 9 } }],
		grades: { corners: 8, edges: 9, surface: 9, centering: 8.5, final: 8.6, condition: 'Near Mint' },
	};
	it('flattens the grade result', () => {
		expect(simplifyGrading(record)).toEqual({
			_id: 'c1', side: 'back', final_grade: 8.6, corners: 8, edges: 9, surface: 9, centering: 8.5,
			centering_left_right: '41/59', centering_top_bottom: '52/48', condition: 'Near Mint', image_url: null,
		});
	});
	it('reads the condition endpoint\'s label and tells upscale records apart', () => {
		expect(simplifyJobRecord({ _objects: [{ Condition: [{ label: 'Played' }] }] })).toMatchObject([{ condition: 'Played', final_grade: null }]);
		expect(simplifyJobRecord({ _upscaled_image_url: 'https://x/u.png', _width: 10, _height: 20 })).toEqual([{
			_id: null, image_url: 'https://x/u.png', original_width: 10, original_height: 20,
		}]);
	});
	it('the trigger turns a callback into one item per record, and a job without records into one error item', () => {
		const items = callbackItems({ id: 'j', status: 'DONE', response: { records: [record, { _id: 'c2', _status: { code: 400, text: 'Bad image' } }] } }, 'allColumns');
		expect(items.map((item) => [item.json.jobId, item.json._id, item.json.final_grade ?? item.json.error])).toEqual([
			['j', 'c1', 8.6], ['j', 'c2', 'Ximilar could not process this image: Bad image'],
		]);
		expect(callbackItems({ id: 'j', status: 'ERROR', response: null }, 'allColumns')).toEqual([
			{ json: { jobId: 'j', jobStatus: 'ERROR', error: 'The job came back with status ERROR and no records' } },
		]);
	});
});
