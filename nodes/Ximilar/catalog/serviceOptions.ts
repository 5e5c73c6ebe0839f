import type { INodeProperties } from 'n8n-workflow';

/**
 * Every request option a recognition service can take, keyed by the name used in the
 * node's "Service Options" collection. `bodyKey` is the field Ximilar reads; two UI
 * options may feed the same field when their meaning differs per service (`lang`).
 * Options are sent only when the user sets them, so Ximilar's own defaults apply otherwise.
 * Sources (S#) are listed in docs/ximilar-api.md §1.
 */
export interface ServiceOptionDefinition {
	bodyKey: string;
	/**
	 * Where the field goes: the request body (default), or every record (the docs' example
	 * puts background-removal flags there, S8; the card language is the record's `Alphabet`,
	 * docs/ximilar-api.md §3.2).
	 */
	placement?: 'request' | 'record';
	/** When the option is on, Ximilar takes at most this many records per request (S2). */
	maxRecordsWhenOn?: number;
	/** A comma-separated text the API wants as a list of names (`fields_to_return`). */
	list?: boolean;
	property: Omit<INodeProperties, 'name' | 'displayOptions'>;
}

export const SERVICE_OPTIONS = {
	pricing: {
		bodyKey: 'pricing',
		property: {
			displayName: 'Include Prices',
			type: 'boolean',
			default: true,
			description: 'Whether to return marketplace price listings for the best match (the price and currency columns, and listing_* in All Columns)',
		},
	},
	priceStats: {
		bodyKey: 'price_stats',
		property: {
			displayName: 'Include Price Statistics',
			type: 'boolean',
			default: true,
			description: 'Whether to return price statistics (median, min, max) for the best match',
		},
	},
	fieldsToReturn: {
		bodyKey: 'fields_to_return',
		list: true,
		property: {
			displayName: 'Fields to Return',
			type: 'string',
			default: '',
			placeholder: 'e.g. _objects, _id',
			description:
				'Names of the fields Ximilar returns for each image, comma-separated (Ximilar\'s fields_to_return); all when empty. The output columns are read from _objects.',
		},
	},
	slabId: {
		bodyKey: 'slab_id',
		property: {
			displayName: 'Identify Slab Label',
			type: 'boolean',
			default: false,
			description: 'Whether to read the label of a graded slab (PSA, BGS, CGC, ...)',
		},
	},
	slabGrade: {
		bodyKey: 'slab_grade',
		property: {
			displayName: 'Read Slab Grade',
			type: 'boolean',
			default: false,
			description: 'Whether to return the grade printed on a graded slab',
		},
	},
	analyzeAll: {
		bodyKey: 'analyze_all',
		maxRecordsWhenOn: 1,
		property: {
			displayName: 'Analyze All Cards',
			type: 'boolean',
			default: false,
			description:
				'Whether to identify every card in the photo, one output item per card. Ximilar then takes one image per request and bills every card found.',
		},
	},
	magicAi: {
		bodyKey: 'magic_ai',
		maxRecordsWhenOn: 2,
		property: {
			displayName: 'Magic AI',
			type: 'boolean',
			default: false,
			description:
				'Whether to let Ximilar use its AI reading of the card text for hard cases. Ximilar then takes two images per request (front and back).',
		},
	},
	cardLanguage: {
		// The card language is the record's `Alphabet` (docs/ximilar-api.md §3.2, S1, S3). Never a
		// box-less `_objects: [{Alphabet}]`: Ximilar reads `_objects` as detected cards and skips
		// its own detection. An unknown value silently matches nothing (S3), hence a fixed list.
		bodyKey: 'Alphabet',
		placement: 'record',
		property: {
			displayName: 'Card Language',
			type: 'options',
			options: [
				{ name: 'Detect Automatically', value: '' },
				{ name: 'Chinese', value: 'chinese' },
				{ name: 'Japanese', value: 'japanese' },
				{ name: 'Korean', value: 'korean' },
				{ name: 'Latin Alphabet (English, German, French, ...)', value: 'latin' },
				{ name: 'Thai', value: 'thai' },
			],
			default: '',
			description:
				'Alphabet the card is printed in, when known (sent with each image as its Alphabet field). Ximilar assumes latin when a game is prefilled, so set it for Japanese, Chinese, Korean or Thai prints; leave on automatic when cards are mixed.',
		},
	},
	tagLanguage: {
		bodyKey: 'lang',
		property: {
			displayName: 'Tag Language',
			type: 'options',
			options: [
				{ name: 'English', value: 'en' },
				{ name: 'Czech', value: 'cs' },
			],
			default: 'en',
			description: 'Language of the returned tags',
		},
	},
	taggingMode: {
		bodyKey: 'tagging_mode',
		property: {
			displayName: 'Tagging Mode',
			type: 'options',
			options: [
				{ name: 'Complex', value: 'complex', description: 'All tags, with probabilities' },
				{ name: 'Simple', value: 'simple', description: 'Some tags left out and no probabilities; same price' },
			],
			default: 'complex',
			description: 'How much detail Ximilar returns',
		},
	},
	profile: {
		bodyKey: 'profile',
		property: {
			displayName: 'Tagging Profile',
			type: 'string',
			default: '',
			description: 'Name of a custom tagging profile set up in your Ximilar account',
		},
	},
	aggregateLabels: {
		bodyKey: 'aggregate_labels',
		property: {
			displayName: 'Aggregate Labels',
			type: 'boolean',
			default: false,
			description: 'Whether to merge the tags of all detected objects into one list',
		},
	},
	colors: {
		bodyKey: 'colors',
		property: {
			displayName: 'Number of Colors',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 12 },
			default: 6,
			description: 'How many dominant colors to return',
		},
	},
	version: {
		bodyKey: 'version',
		property: {
			displayName: 'Task Version',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Version of the trained model to use; the active version when not set',
		},
	},
	workspace: {
		bodyKey: 'workspace',
		property: {
			displayName: 'Workspace ID',
			type: 'string',
			default: '',
			description: 'UUID of the workspace that holds the task; your default workspace when empty',
		},
	},
	storeImages: {
		bodyKey: 'store_images',
		property: {
			displayName: 'Store Images',
			type: 'boolean',
			default: false,
			description: 'Whether Ximilar keeps the images in your workspace (for later training); each result then carries its stored_image_id',
		},
	},
	keepProb: {
		bodyKey: 'keep_prob',
		property: {
			displayName: 'Minimum Probability',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 0.3,
			description: 'Detected objects below this probability are dropped',
		},
	},
	imageFormat: {
		bodyKey: 'image_format',
		property: {
			displayName: 'Output Image Format',
			type: 'options',
			options: [
				{ name: 'PNG', value: 'png' },
				{ name: 'JPG', value: 'jpg' },
				{ name: 'WEBP', value: 'webp' },
			],
			default: 'png',
			description: 'Format of the image with the background removed',
		},
	},
	imageQuality: {
		bodyKey: 'image_quality',
		property: {
			displayName: 'Output Image Quality',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 85,
			description: 'Quality of a JPG or WEBP result, 1 to 100; Ximilar uses 85 when not set',
		},
	},
	whiteBackground: {
		bodyKey: 'white_background',
		placement: 'record',
		property: {
			displayName: 'White Background',
			type: 'boolean',
			default: false,
			description: 'Whether to also return the object on a white background (output_url_whitebg, JPG)',
		},
	},
	binaryMask: {
		bodyKey: 'binary_mask',
		placement: 'record',
		property: {
			displayName: 'Binary Mask',
			type: 'boolean',
			default: false,
			description: 'Whether to return a black and white mask (output_url_mask, JPG) instead of the cut-out',
		},
	},
	ocrLanguage: {
		bodyKey: 'lang',
		property: {
			displayName: 'Text Language',
			type: 'options',
			options: [
				{ name: 'Chinese', value: 'zh' },
				{ name: 'English', value: 'en' },
				{ name: 'Japanese', value: 'ja' },
				{ name: 'Korean', value: 'ko' },
				{ name: 'Russian', value: 'ru' },
			],
			default: 'en',
			description: 'Language of the text in the images',
		},
	},
} satisfies Record<string, ServiceOptionDefinition>;

export type ServiceOptionKey = keyof typeof SERVICE_OPTIONS;
