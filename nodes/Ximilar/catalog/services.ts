import type { IDataObject } from 'n8n-workflow';

import { SERVICE_OPTIONS, type ServiceOptionDefinition, type ServiceOptionKey } from './serviceOptions';

/**
 * How a service's result record is turned into the simplified, spreadsheet-ready output
 * (output/summaries/). Card kinds differ in their match fields (docs/ximilar-api.md §3):
 * `collectible` picks the kind of each card from its Category tag.
 */
export type SummaryKind =
	| 'tcgCard'
	| 'sportCard'
	| 'comic'
	| 'collectible'
	| 'slab'
	| 'tags'
	| 'objectTags'
	| 'metaTags'
	| 'colors'
	| 'classification'
	| 'detection'
	| 'removeBackground'
	| 'ocr'
	| 'ocrGpt'
	| 'flow'
	| 'raw';

export interface RecognitionService {
	/** Value of the node's "Service" parameter. */
	value: string;
	name: string;
	description: string;
	/** Path below the API URL; `custom` takes it from the "Endpoint Path" parameter. */
	path: string;
	/** Most records Ximilar accepts in one request to this service. */
	maxRecords: number;
	options: ServiceOptionKey[];
	summary: SummaryKind;
	/** Custom recognition and detection run a user's trained task: its ID is required. */
	needsTask?: boolean;
	/** Where the account's tasks for this service are listed (the Task field's list). */
	taskListPath?: string;
	/** OCR with GPT: each item's Prompt goes into its record as `prompt`. */
	needsPrompt?: boolean;
	/** Body fields always sent, e.g. asking for colour names where the docs show a flag (§7, S12). */
	fixedFields?: IDataObject;
}

/** Collectibles options; `price_stats` only where Ximilar documents it: tcg_id, sport_id, comics_id (docs/ximilar-api.md §3.1). */
const CARD_OPTIONS: ServiceOptionKey[] = ['pricing', 'slabId', 'slabGrade', 'fieldsToReturn'];
const BACKGROUND_OPTIONS: ServiceOptionKey[] = ['imageFormat', 'imageQuality', 'whiteBackground', 'binaryMask'];

/** Adding a Ximilar service is one entry here: the UI, the request and the output follow. */
export const RECOGNITION_SERVICES: RecognitionService[] = [
	{
		value: 'tcgId',
		name: 'Trading Card Identification',
		description: 'Identify Pokémon, Magic, Yu-Gi-Oh! and other trading cards, with prices',
		path: '/collectibles/v2/tcg_id',
		maxRecords: 10,
		options: [...CARD_OPTIONS, 'priceStats', 'analyzeAll', 'magicAi', 'cardLanguage'],
		summary: 'tcgCard',
	},
	{
		value: 'sportId',
		name: 'Sport Card Identification',
		description: 'Identify baseball, basketball, football, hockey and soccer cards',
		path: '/collectibles/v2/sport_id',
		maxRecords: 10,
		options: [...CARD_OPTIONS, 'priceStats', 'analyzeAll', 'magicAi'],
		summary: 'sportCard',
	},
	{
		value: 'comicsId',
		name: 'Comics Identification',
		description: 'Identify comic books and magazines from a cover photo',
		path: '/collectibles/v2/comics_id',
		maxRecords: 10,
		options: ['priceStats', 'slabId', 'slabGrade', 'analyzeAll', 'fieldsToReturn'],
		summary: 'comic',
	},
	{
		value: 'slabId',
		name: 'Slab Label Identification',
		description: 'Read the label of a graded slab (grading company, grade, certificate) and identify the card',
		path: '/collectibles/v2/slab_id',
		maxRecords: 10,
		options: ['pricing', 'fieldsToReturn'],
		summary: 'slab',
	},
	{
		value: 'slabGrade',
		name: 'Slab Grade',
		description: 'Read only the grading company and grade of a graded slab (cheaper than the full slab label)',
		path: '/collectibles/v2/slab_grade',
		maxRecords: 10,
		options: [],
		summary: 'slab',
	},
	{
		value: 'collectiblesAnalyze',
		name: 'Collectibles Analysis',
		description: 'Complete analysis of a collectible: detect, tag and identify trading cards, sport cards or comics',
		path: '/collectibles/v2/analyze',
		maxRecords: 10,
		options: [...CARD_OPTIONS, 'analyzeAll'],
		summary: 'collectible',
	},
	{
		value: 'cardOcrId',
		name: 'Card Identification by Text (OCR)',
		description: 'Identify a card from the text printed on it, for cards the image search misses',
		path: '/collectibles/v2/card_ocr_id',
		maxRecords: 10,
		options: ['pricing', 'fieldsToReturn'],
		summary: 'collectible',
	},
	{
		value: 'collectiblesProcess',
		name: 'Collectibles Detection and Tags',
		description: 'Detect collectibles in a photo and tag each one (category, side, graded)',
		path: '/collectibles/v2/process',
		maxRecords: 10,
		options: [],
		summary: 'objectTags',
	},
	{
		value: 'collectiblesDetect',
		name: 'Collectibles Detection',
		description: 'Find the position of every card, comic or coin in a photo',
		path: '/collectibles/v2/detect',
		maxRecords: 10,
		options: [],
		summary: 'detection',
	},
	{
		value: 'fashionTags',
		name: 'Fashion Tagging',
		description: 'Tag a product photo of one fashion item: category, color, pattern, style',
		path: '/tagging/fashion/v2/tags',
		maxRecords: 10,
		options: ['profile', 'aggregateLabels'],
		summary: 'tags',
	},
	{
		value: 'fashionDetectTags',
		name: 'Fashion Detection and Tagging',
		description: 'Detect the main fashion items in a photo and tag each one',
		path: '/tagging/fashion/v2/detect_tags',
		maxRecords: 10,
		options: ['profile', 'aggregateLabels'],
		summary: 'objectTags',
	},
	{
		value: 'fashionDetectTagsAll',
		name: 'Fashion Detection and Tagging (All Items)',
		description: 'Detect every fashion item in a photo, including accessories, and tag each one',
		path: '/tagging/fashion/v2/detect_tags_all',
		maxRecords: 10,
		options: ['profile', 'aggregateLabels'],
		summary: 'objectTags',
	},
	{
		value: 'fashionMeta',
		name: 'Fashion Meta Tags',
		description: 'Meta tags of a fashion photo (e.g. the kind of photo: product, model, street)',
		path: '/tagging/fashion/v2/meta',
		maxRecords: 10,
		options: [],
		summary: 'metaTags',
	},
	{
		value: 'homeDecorTags',
		name: 'Home Decor Tagging',
		description: 'Tag a photo of furniture or home decor: category, style, material, color',
		path: '/tagging/homedecor/v2/tags',
		maxRecords: 10,
		options: [],
		summary: 'tags',
	},
	{
		value: 'homeDecorDetectTags',
		name: 'Home Decor Detection and Tagging',
		description: 'Detect furniture and decor items in a room photo and tag each one',
		path: '/tagging/homedecor/v2/detect_tags',
		maxRecords: 10,
		options: [],
		summary: 'objectTags',
	},
	{
		value: 'homeDecorDetectTagsAll',
		name: 'Home Decor Detection and Tagging (All Items)',
		description: 'Detect every furniture and decor item in a room photo and tag each one',
		path: '/tagging/homedecor/v2/detect_tags_all',
		maxRecords: 10,
		options: [],
		summary: 'objectTags',
	},
	{
		value: 'photoTags',
		name: 'Generic Photo Tagging',
		description: 'Describe any photo with keywords (objects, scene, activity)',
		path: '/photo/tags/v2/tags',
		maxRecords: 10,
		options: ['tagLanguage', 'taggingMode'],
		summary: 'tags',
	},
	{
		value: 'productColors',
		name: 'Dominant Colors (Product)',
		description: 'Dominant colors of the product in the foreground, background ignored',
		path: '/dom_colors/product/v2/dominantcolor',
		maxRecords: 10,
		options: ['colors'],
		summary: 'colors',
		fixedFields: { color_names: true },
	},
	{
		value: 'genericColors',
		name: 'Dominant Colors (Whole Image)',
		description: 'Dominant colors of the whole image',
		path: '/dom_colors/generic/v2/dominantcolor',
		maxRecords: 10,
		options: ['colors'],
		summary: 'colors',
		fixedFields: { color_names: true },
	},
	{
		value: 'customClassify',
		name: 'Custom Image Recognition',
		description: 'Classify images with a recognition task you trained in Ximilar',
		path: '/recognition/v2/classify/',
		maxRecords: 10,
		options: ['version', 'workspace', 'storeImages'],
		summary: 'classification',
		needsTask: true,
		taskListPath: '/recognition/v2/task/',
	},
	{
		value: 'customDetect',
		name: 'Custom Object Detection',
		description: 'Detect objects with a detection task you trained in Ximilar',
		path: '/detection/v2/detect/',
		maxRecords: 10,
		options: ['version', 'workspace', 'keepProb', 'storeImages'],
		summary: 'detection',
		needsTask: true,
		taskListPath: '/detection/v2/task/',
	},
	{
		value: 'removeBgPrecise',
		name: 'Background Removal (Precise)',
		description: 'Cut out the main object with high quality edges',
		path: '/removebg/precise/removebg',
		maxRecords: 10,
		options: BACKGROUND_OPTIONS,
		summary: 'removeBackground',
	},
	{
		value: 'removeBgFast',
		name: 'Background Removal (Fast)',
		description: 'Cut out the main object quickly',
		path: '/removebg/fast/removebg',
		maxRecords: 10,
		options: BACKGROUND_OPTIONS,
		summary: 'removeBackground',
	},
	{
		value: 'ocrRead',
		name: 'Read Text (OCR)',
		description: 'Read the printed text in a photo (labels, documents, packaging)',
		path: '/ocr/v2/read',
		maxRecords: 10,
		options: ['ocrLanguage'],
		summary: 'ocr',
	},
	{
		value: 'ocrReadGpt',
		name: 'Read Text and Ask GPT (OCR)',
		description: 'Read the text in a photo, then answer a prompt about it (e.g. "Return the invoice number")',
		path: '/ocr/v2/read_gpt',
		maxRecords: 10,
		options: ['ocrLanguage'],
		summary: 'ocrGpt',
		needsPrompt: true,
	},
	{
		value: 'custom',
		name: 'Custom Endpoint',
		description: 'Any Ximilar endpoint that takes images ("records"), for services not listed here',
		path: '',
		maxRecords: 10,
		options: [],
		summary: 'raw',
	},
];

export function findService(value: string): RecognitionService | undefined {
	return RECOGNITION_SERVICES.find((service) => service.value === value);
}

/** Records per request for this service with the chosen options (analyze_all 1, magic_ai 2: docs/ximilar-api.md §3). */
export function recordLimit(service: RecognitionService, chosen: IDataObject): number {
	let limit = service.maxRecords;
	for (const key of service.options) {
		const cap = (SERVICE_OPTIONS[key] as ServiceOptionDefinition).maxRecordsWhenOn;
		if (cap !== undefined && chosen[key] === true) limit = Math.min(limit, cap);
	}
	return limit;
}
