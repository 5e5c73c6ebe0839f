import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RESOURCES, route } from './actions/router';
import { TOOL_NODE_DESCRIPTION } from './catalog/agentTexts';
import { toolDescriptionProperties } from './description/agentTool';
import { ximilarApiTest } from './methods/credentialTest';
import { searchFlows } from './methods/searchFlows';
import { searchJobs } from './methods/searchJobs';
import { searchTasks } from './methods/searchTasks';
import { ximilarWebhookTest } from './records/webhookSecret';

/**
 * The node only wires: each operation is one file under actions/ (its fields and its
 * execute), found through the router's table. One execute() batches records across items,
 * which n8n's declarative routing cannot do (it sends one request per item).
 */
export class Ximilar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ximilar',
		name: 'ximilar',
		icon: { light: 'file:ximilar.svg', dark: 'file:ximilar.dark.svg' },
		group: ['transform'],
		version: 1,
		// "Recognize: Trading Card Identification": the names the panel shows, since n8n's $parameter
		// holds values. Generated from the node's lists (test/support/subtitle.ts; a test compares).
		subtitle:
			'={{ ({"image.recognize":"Recognize","image.runFlow":"Run Flow","image.gradeCard":"Grade Card","image.upscale":"Upscale","account.getDetails":"Get Account Details","collection.delete":"Delete from Collection","collection.get":"Get from Collection","collection.getAll":"Get Many from Collection","collection.insert":"Insert into Collection","collection.search":"Search Collection","collection.update":"Update in Collection","job.get":"Get Job","job.getStatus":"Get Job Status","job.list":"List Jobs"}[$parameter["resource"] + "." + $parameter["operation"]] || $parameter["operation"]) + ({"service.tcgId":": Trading Card Identification","service.sportId":": Sport Card Identification","service.comicsId":": Comics Identification","service.slabId":": Slab Label Identification","service.slabGrade":": Slab Grade","service.collectiblesAnalyze":": Collectibles Analysis","service.cardOcrId":": Card Identification by Text (OCR)","service.collectiblesProcess":": Collectibles Detection and Tags","service.collectiblesDetect":": Collectibles Detection","service.fashionTags":": Fashion Tagging","service.fashionDetectTags":": Fashion Detection and Tagging","service.fashionDetectTagsAll":": Fashion Detection and Tagging (All Items)","service.fashionMeta":": Fashion Meta Tags","service.homeDecorTags":": Home Decor Tagging","service.homeDecorDetectTags":": Home Decor Detection and Tagging","service.homeDecorDetectTagsAll":": Home Decor Detection and Tagging (All Items)","service.photoTags":": Generic Photo Tagging","service.productColors":": Dominant Colors (Product)","service.genericColors":": Dominant Colors (Whole Image)","service.customClassify":": Custom Image Recognition","service.customDetect":": Custom Object Detection","service.removeBgPrecise":": Background Removal (Precise)","service.removeBgFast":": Background Removal (Fast)","service.ocrRead":": Read Text (OCR)","service.ocrReadGpt":": Read Text and Ask GPT (OCR)","service.custom":": Custom Endpoint","gradingEndpoint.grade":": Grade","gradingEndpoint.condition":": Condition","gradingEndpoint.centering":": Centering","gradingEndpoint.localize":": Localize","gradingEndpoint.crop_level":": Crop and Level","upscaleEndpoint.upscale_2x":": 2x","upscaleEndpoint.upscale_4x":": 4x","upscaleEndpoint.upscale_8x":": 8x"}[{"image.recognize":"service","image.gradeCard":"gradingEndpoint","image.upscale":"upscaleEndpoint"}[$parameter["resource"] + "." + $parameter["operation"]] + "." + $parameter[{"image.recognize":"service","image.gradeCard":"gradingEndpoint","image.upscale":"upscaleEndpoint"}[$parameter["resource"] + "." + $parameter["operation"]]]] || "") }}',
		description:
			'Identify trading cards and comics, tag fashion and home decor, recognize custom images and search visual collections with Ximilar',
		defaults: { name: 'Ximilar' },
		// The tool variant: its own description in the nodes panel; per-service texts for the agent come from toolDescriptionProperties.
		usableAsTool: { replacements: { description: TOOL_NODE_DESCRIPTION } },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ximilarApi', required: true, testedBy: 'ximilarApiTest' },
			// The callback's secret header, for async jobs in Webhook mode (shared with the Ximilar Trigger).
			{ name: 'ximilarWebhookApi', required: true, testedBy: 'ximilarWebhookTest', displayOptions: { show: { resultMode: ['webhook'] } } },
		],
		properties: [
			...toolDescriptionProperties,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: Object.values(RESOURCES).map(({ resource }) => resource),
				default: 'image',
			},
			...Object.values(RESOURCES).flatMap(({ description }) => description),
		],
	};

	methods = { credentialTest: { ximilarApiTest, ximilarWebhookTest }, listSearch: { searchTasks, searchFlows, searchJobs } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
