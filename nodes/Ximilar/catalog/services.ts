import type { ServiceOptionKey } from './serviceOptions';

/** How a service's result record is turned into the simplified, spreadsheet-ready output. */
export type SummaryKind =
	| 'collectibles'
	| 'tags'
	| 'objectTags'
	| 'colors'
	| 'classification'
	| 'detection'
	| 'removeBackground'
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
}

const CARD_OPTIONS: ServiceOptionKey[] = ['pricing', 'priceStats', 'slabId', 'slabGrade'];
const BACKGROUND_OPTIONS: ServiceOptionKey[] = ['imageFormat', 'whiteBackground', 'binaryMask'];

/** Adding a Ximilar service is one entry here: the UI, the request and the output follow. */
export const RECOGNITION_SERVICES: RecognitionService[] = [
	{
		value: 'tcgId',
		name: 'Trading Card Identification',
		description: 'Identify Pokémon, Magic, Yu-Gi-Oh! and other trading cards, with prices',
		path: '/collectibles/v2/tcg_id',
		maxRecords: 10,
		options: [...CARD_OPTIONS, 'analyzeAll', 'cardLanguage'],
		summary: 'collectibles',
	},
	{
		value: 'sportId',
		name: 'Sport Card Identification',
		description: 'Identify baseball, basketball, football, hockey and soccer cards',
		path: '/collectibles/v2/sport_id',
		maxRecords: 10,
		options: CARD_OPTIONS,
		summary: 'collectibles',
	},
	{
		value: 'comicsId',
		name: 'Comics Identification',
		description: 'Identify comic books and magazines from a cover photo',
		path: '/collectibles/v2/comics_id',
		maxRecords: 10,
		options: ['slabId', 'slabGrade', 'priceStats'],
		summary: 'collectibles',
	},
	{
		value: 'slabId',
		name: 'Slab Label Identification',
		description: 'Read the label of a graded slab (grading company, grade, certificate)',
		path: '/collectibles/v2/slab_id',
		maxRecords: 10,
		options: [],
		summary: 'collectibles',
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
	},
	{
		value: 'genericColors',
		name: 'Dominant Colors (Whole Image)',
		description: 'Dominant colors of the whole image',
		path: '/dom_colors/generic/v2/dominantcolor',
		maxRecords: 10,
		options: ['colors'],
		summary: 'colors',
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
	},
	{
		value: 'customDetect',
		name: 'Custom Object Detection',
		description: 'Detect objects with a detection task you trained in Ximilar',
		path: '/detection/v2/detect/',
		maxRecords: 10,
		options: ['version', 'workspace', 'keepProb'],
		summary: 'detection',
		needsTask: true,
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
		value: 'custom',
		name: 'Custom Endpoint',
		description: 'Any Ximilar endpoint that takes records, for services not listed here',
		path: '',
		maxRecords: 10,
		options: [],
		summary: 'raw',
	},
];

export function findService(value: string): RecognitionService | undefined {
	return RECOGNITION_SERVICES.find((service) => service.value === value);
}
