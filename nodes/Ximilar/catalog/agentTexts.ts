import type { RecognitionService, SummaryKind } from './services';

/**
 * What an AI agent reads about the tool variant of the node: what the chosen service does,
 * what it needs (a public image URL) and what comes back. Services without an entry here
 * fall back to their catalog description, so a new service is never left undescribed.
 */
const DOES: Record<string, string> = {
	tcgId: 'Identifies a trading card (Pokémon, Magic: The Gathering, Yu-Gi-Oh!, One Piece, Lorcana and other games) from a photo',
	sportId: 'Identifies a sports card (baseball, basketball, football, hockey, soccer) from a photo',
	comicsId: 'Identifies a comic book or magazine from a photo of its cover',
	slabId: 'Reads the label of a graded card slab (grading company, grade, certificate) from a photo',
	collectiblesProcess: 'Finds the cards, comics and coins in a photo and tags each one (category, side, graded or not)',
	collectiblesDetect: 'Finds the cards, comics and coins in a photo',
	fashionTags: 'Tags the fashion item in a product photo (category, color, pattern, style, ...)',
	fashionDetectTags: 'Finds the main fashion items in a photo and tags each one (category, color, pattern, style, ...)',
	fashionDetectTagsAll: 'Finds every fashion item in a photo, accessories included, and tags each one',
	homeDecorTags: 'Tags a photo of furniture or home decor (category, style, material, color)',
	homeDecorDetectTags: 'Finds the furniture and decor items in a room photo and tags each one',
	photoTags: 'Describes any photo with keywords (objects, scene, activity)',
	productColors: 'Reads the dominant colors of the product in a photo, ignoring the background',
	genericColors: 'Reads the dominant colors of a whole photo',
	customClassify: 'Classifies a photo with the custom recognition task this tool is set up with',
	customDetect: 'Finds objects in a photo with the custom detection task this tool is set up with',
	removeBgPrecise: 'Removes the background of a photo (precise edges)',
	removeBgFast: 'Removes the background of a photo (fast)',
	custom: 'Sends a photo to the Ximilar endpoint this tool is set up with',
};

const CARD_RETURNS =
	'name, set, card number, year and a confidence (high, medium or low); the closest alternatives by name when the match is uncertain; prices when the tool is set to include them';

const RETURNS: Record<SummaryKind, string> = {
	tcgCard: CARD_RETURNS,
	sportCard: CARD_RETURNS,
	comic: 'title, issue number, publisher, year and a confidence (high, medium or low)',
	collectible: CARD_RETURNS,
	slab: 'the grading company, grade and certificate number, and the card when it is identified',
	tags: 'the top category and a list of tags',
	objectTags: 'the items found, the top category and their tags',
	metaTags: 'a list of meta tags of the photo',
	colors: 'the dominant colors as hex codes, names and percentages',
	classification: 'the best label with its probability, and the next labels',
	detection: 'how many objects were found and their names',
	removeBackground: 'a link to the image without its background (or to its mask)',
	ocr: 'the text read from the image, line by line',
	ocrGpt: "GPT's answer to the prompt about the text read from the image, and the text itself",
	flow: "the labels and tags the flow's models gave the image",
	raw: "Ximilar's result for the image",
};

const NEEDS = 'Input: a public http(s) URL of the image file itself (JPEG, PNG or WEBP), not of a web page.';

export function recognizeAgentText(service: RecognitionService): string {
	const does = DOES[service.value] ?? service.description;
	return `${does}. ${NEEDS} Returns ${RETURNS[service.summary]}.`;
}

/** Operations other than Recognize (which is described per service), by `resource.operation`. */
export const OPERATION_AGENT_TEXT: Record<string, string> = {
	'account.getDetails': 'Gets the Ximilar account: plan, credits used and credit limit. Takes no input and costs no credit.',
	'image.gradeCard': `Grades a trading card from a photo (corners, edges, surface, centering and an overall grade) as an asynchronous Ximilar job. ${NEEDS} Returns the grades when the job is done, or the job ID to read later with Job > Get.`,
	'image.runFlow': `Runs the Ximilar Flow this tool is set up with (the owner's own models) on a photo. ${NEEDS} Returns the labels and tags the flow's models gave the image.`,
	'image.upscale': `Upscales a photo to a larger size as an asynchronous Ximilar job. ${NEEDS} Returns the job's result when it is done, or the job ID to read later with Job > Get.`,
	'job.get': 'Gets the result of an asynchronous Ximilar job (card grading, upscaling, card identification, flows) by its job ID.',
	'job.getStatus': 'Tells whether an asynchronous Ximilar job is done, by its job ID.',
	'job.list': 'Lists your asynchronous Ximilar jobs, newest first.',
	'collection.search': `Finds the images in a Ximilar visual collection most similar to a photo. ${NEEDS} Returns the ranked matches with their stored fields.`,
	'collection.insert': `Adds a photo to a Ximilar visual collection so that it can be found by search. ${NEEDS} Returns the stored image's fields.`,
	'collection.update': 'Changes the stored fields of images in a Ximilar visual collection, by image ID.',
	'collection.delete': 'Removes images from a Ximilar visual collection, by image ID.',
	'collection.get': 'Reads the stored fields of images in a Ximilar visual collection, by image ID.',
	'collection.getAll': 'Lists the images of a Ximilar visual collection with their stored fields.',
};

/** The node-level description of the tool variant (`usableAsTool.replacements`), shown in the nodes panel. */
export const TOOL_NODE_DESCRIPTION =
	'Lets an AI agent identify trading cards and comics, tag fashion and home decor photos, detect objects and search visual collections from an image URL, or read the Ximilar account';
