/**
 * Card grader results (docs/ximilar-api.md §5), computed when a `card-grader` job is created.
 * Endpoints: grade, condition, centering, localize, crop_level; at most 2 records (front and back).
 */
import { boundBox } from './collectibles';
import type { ResolvedImage } from './sources';
import { Rng, round } from './util';

export const GRADING_ENDPOINT_NAMES = ['grade', 'condition', 'centering', 'localize', 'crop_level'] as const;
export const GRADING_MAX_RECORDS = 2;

const CORNERS = ['UPPER_LEFT', 'UPPER_RIGHT', 'LOWER_RIGHT', 'LOWER_LEFT'];
const EDGES = ['UPPER', 'RIGHT', 'DOWN', 'LEFT'];

/** Condition label for a final grade [guess: Ximilar's thresholds are not documented]. */
function conditionOf(final: number): string {
	if (final >= 9.5) return 'Gem Mint';
	if (final >= 9) return 'Mint';
	if (final >= 8) return 'Near Mint';
	if (final >= 6) return 'Excellent';
	return 'Played';
}

/** The side: the record's `Side` hint ("Front"/"Back") wins, else the first record is the front. */
function sideOf(record: Record<string, unknown>, index: number): 'front' | 'back' {
	const hint = typeof record.Side === 'string' ? record.Side.toLowerCase() : '';
	if (hint === 'front' || hint === 'back') return hint;
	return index === 0 ? 'front' : 'back';
}

function ratio(rng: Rng): string {
	const left = rng.int(38, 62);
	return `${left}/${100 - left}`;
}

/** One graded record (without echo and `_status`): every field the docs list for the endpoint. */
export function gradeRecord(
	endpoint: string,
	record: Record<string, unknown>,
	index: number,
	image: ResolvedImage,
	selfUrl: string,
): Record<string, unknown> {
	const rng = new Rng(`card-grader:${image.key}`);
	const half = () => round(rng.int(12, 20) / 2, 1); // 6.0 .. 10.0 in half steps
	const [x1, y1, x2, y2] = boundBox(rng, image.width, image.height, 0.6);
	const polygon = [[x1, y1], [x2, y1], [x2, y2], [x1, y2]];
	const side = sideOf(record, index);
	const tags = {
		Category: [{ name: 'Card/Trading Card Game', prob: rng.float(0.9, 0.99) }],
		Damaged: [{ name: 'no', prob: rng.float(0.8, 0.99) }],
		Autograph: [{ name: 'no', prob: rng.float(0.8, 0.99) }],
		Side: [{ name: side, prob: rng.float(0.9, 0.99) }],
	};
	const sub = { corners: half(), edges: half(), surface: half(), centering: half() };
	const final = round(Math.pow(sub.corners * sub.edges * sub.surface * sub.centering, 1 / 4), 1);
	const objects = [{ name: 'Card', prob: rng.float(0.9, 0.99), bound_box: [x1, y1, x2, y2] }];
	const centering = {
		'left/right': ratio(rng), 'top/bottom': ratio(rng), bound_box: [x1 + 8, y1 + 8, x2 - 8, y2 - 8],
		pixels: [8, 8, 8, 8], offsets: [rng.int(0, 9), rng.int(0, 9), rng.int(0, 9), rng.int(0, 9)], grade: sub.centering,
	};
	const corners = (graded: boolean) => CORNERS.map((name, i) => ({
		name, bound_box: [x1, y1, x1 + 40, y1 + 40], point: polygon[i], ...(graded ? { grade: half() } : {}),
	}));
	const edges = (graded: boolean) => EDGES.map((name, i) => ({
		name, polygon: [polygon[i], polygon[(i + 1) % 4]], ...(graded ? { grade: half() } : {}),
	}));
	const card = (extra: Record<string, unknown>) => [{ name: 'Card', polygon, bound_box: [x1, y1, x2, y2], _tags: tags, ...extra }];
	const cardImage = (kind: string) => `${selfUrl}/samples/cards/${image.key.slice(0, 16)}-${kind}.jpg`;
	switch (endpoint) {
		case 'grade':
			return {
				_objects: objects, corners: corners(true), edges: edges(true),
				card: card({ surface: { grade: sub.surface }, centering }),
				grades: { ...sub, final, condition: conditionOf(final) },
				versions: { grading: 'sim-1' },
				_full_url_card: cardImage('full'), _exact_url_card: cardImage('exact'),
			};
		case 'condition':
			return { _objects: [{ ...objects[0], _tags: tags, Condition: [{ label: conditionOf(final), prob: rng.float(0.6, 0.95) }] }] };
		case 'centering':
			return { _objects: objects, card: card({ centering }) };
		case 'localize':
			return { _objects: objects, corners: corners(false), edges: edges(false), card: card({}) };
		default: // crop_level [guess: the URL field name is not documented; the grade result's card image key]
			return { _objects: objects, card: card({}), _exact_url_card: cardImage('exact') };
	}
}
