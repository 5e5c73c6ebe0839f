import type { INodeProperties } from 'n8n-workflow';

/**
 * Every request option a recognition service can take, keyed by the name used in the
 * node's "Service Options" collection. `bodyKey` is the field Ximilar reads; two UI
 * options may feed the same field when their meaning differs per service (`lang`).
 * Options are sent only when the user sets them, so Ximilar's own defaults apply otherwise.
 */
export interface ServiceOptionDefinition {
	bodyKey: string;
	property: Omit<INodeProperties, 'name' | 'displayOptions'>;
}

export const SERVICE_OPTIONS = {
	pricing: {
		bodyKey: 'pricing',
		property: {
			displayName: 'Include Prices',
			type: 'boolean',
			default: false,
			description: 'Whether to return marketplace price listings for the best match',
		},
	},
	priceStats: {
		bodyKey: 'price_stats',
		property: {
			displayName: 'Include Price Statistics',
			type: 'boolean',
			default: false,
			description: 'Whether to return price statistics (median, min, max) for the best match',
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
		property: {
			displayName: 'Analyze All Cards',
			type: 'boolean',
			default: false,
			description: 'Whether to identify every card in the photo, not only the most prominent one',
		},
	},
	cardLanguage: {
		bodyKey: 'lang',
		property: {
			displayName: 'Card Language',
			type: 'string',
			default: '',
			placeholder: 'en',
			description: 'Language code of the printed card, when known (e.g. en, ja, de)',
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
				{ name: 'Simple', value: 'simple' },
				{ name: 'Complex', value: 'complex' },
			],
			default: 'simple',
			description: 'Simple returns fewer, broader tags; complex returns more detailed tags',
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
			description: 'Whether Ximilar may keep the images for later training',
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
	whiteBackground: {
		bodyKey: 'white_background',
		property: {
			displayName: 'White Background',
			type: 'boolean',
			default: false,
			description: 'Whether to put the object on white instead of a transparent background',
		},
	},
	binaryMask: {
		bodyKey: 'binary_mask',
		property: {
			displayName: 'Binary Mask',
			type: 'boolean',
			default: false,
			description: 'Whether to return a black and white mask instead of the cut-out',
		},
	},
} satisfies Record<string, ServiceOptionDefinition>;

export type ServiceOptionKey = keyof typeof SERVICE_OPTIONS;
