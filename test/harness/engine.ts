import type {
	ExecutionError,
	IBinaryData,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	IPairedItemData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	NodeExecutionHint,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { Readable } from 'node:stream';

import { loadPackage } from './package';
import { binaryDataService } from './binaryData';
import { TestCredentialsHelper } from './credentials';

export interface InputFile {
	data: Buffer;
	/**
	 * The file as pieces, stored without joining them (filesystem mode): a bench of hundreds of
	 * distinct 1 MB files makes each from a shared image and a few bytes of its own, so that no
	 * hundreds of MB of copies are made, then left as garbage for the measured run.
	 */
	pieces?: Buffer[];
	mimeType: string;
	fileName?: string;
}

export interface InputItem {
	json?: IDataObject;
	binary?: Record<string, InputFile>;
}

export interface OutputItem {
	json: IDataObject;
	binary?: Record<string, IBinaryData>;
	pairedItem?: IPairedItemData | IPairedItemData[] | number;
	error?: { message: string; description?: string | null; context?: IDataObject };
}

export interface RunResult {
	/** Items of the main output. */
	main: OutputItem[];
	/** Items of the error output ("On Error: Continue (using error output)"). */
	errorOutput: OutputItem[];
	/** The error that stopped the node, when it threw. */
	error?: ExecutionError;
	/** The hints the node added to its run (shown above its output in the editor). */
	hints: NodeExecutionHint[];
	status: IRun['status'];
}

export interface RunOptions {
	parameters: INodeParameters;
	items?: InputItem[];
	credentials: { apiToken: string; apiUrl: string };
	/** The Ximilar Webhook credential, for async jobs in Webhook mode. */
	webhookCredential?: { secret: string; headerName: string };
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Other node types the workflow needs (the credential tester). */
	nodeType?: INodeType;
	/** The node's type name when it is not the plain node, e.g. the tool variant `n8n-nodes-ximilar.ximilarTool`. */
	nodeTypeName?: string;
	/**
	 * Feed the items through a pass-through node before ours, as in a real workflow: n8n then
	 * knows each item's source (it adds the input's fields to items on the error output).
	 */
	upstream?: boolean;
	/** Called once the run started, with what the editor's Stop button does (cancels the execution). */
	onStarted?: (stop: () => void) => void;
	/**
	 * Where n8n keeps the input files: on disk (filesystem mode, the default in regular mode: the
	 * item holds only a marker), or in the item itself as base64 (memory mode, "default", n8n 1.x's
	 * default: no `id`, `data` is the file). Filesystem unless said.
	 */
	binaryMode?: 'filesystem' | 'memory';
	/**
	 * Let go of the input files' bytes once n8n holds them (on disk, or as base64 in the item):
	 * a bench of hundreds of 1 MB files would otherwise keep them all alive during the run, which
	 * n8n does not, and V8 collects far more often with hundreds of MB of live external memory.
	 */
	releaseInputs?: boolean;
}

/** A node that outputs its input unchanged: the "previous node" of an upstream run. */
const PASS_THROUGH: INodeType = {
	description: {
		displayName: 'Input',
		name: 'input',
		group: ['input'],
		version: 1,
		description: 'Passes its items on',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

const NODE_TYPE = 'n8n-nodes-ximilar.ximilar';
let executionCounter = 0;

function nodeTypesFor(type: INodeType) {
	const pick = (name: string) => (name === UPSTREAM_TYPE ? PASS_THROUGH : type);
	return {
		getByName: pick,
		getByNameAndVersion: pick,
		getKnownTypes: () => ({}),
	};
}

const UPSTREAM_TYPE = 'test.input';

/**
 * A file as n8n's memory mode holds it: what BinaryDataService.store gives when no manager
 * keeps the mode (the base64 text in `data`, no `id`).
 */
export function inMemory(file: InputFile): IBinaryData {
	return { data: file.data.toString('base64'), mimeType: file.mimeType, fileName: file.fileName, fileSize: `${file.data.length} B`, bytes: file.data.length } as IBinaryData;
}

/** Input items as n8n would hold them: files stored through the BinaryDataService, or in the item (memory mode). */
async function storeItems(
	items: InputItem[],
	workflowId: string,
	executionId: string,
	mode: RunOptions['binaryMode'] = 'filesystem',
	release = false,
): Promise<INodeExecutionData[]> {
	const service = await binaryDataService();
	return await Promise.all(
		items.map(async (item, index) => {
			const stored: INodeExecutionData = { json: item.json ?? {}, pairedItem: { item: index } };
			if (item.binary) {
				stored.binary = {};
				for (const [name, file] of Object.entries(item.binary)) {
					const size = file.pieces ? file.pieces.reduce((sum, piece) => sum + piece.length, 0) : file.data.length;
					stored.binary[name] =
						mode === 'memory'
							? inMemory(file)
							: await service.store(
									{ type: 'execution', workflowId, executionId },
									file.pieces ? Readable.from(file.pieces) : file.data,
									{ data: '', mimeType: file.mimeType, fileName: file.fileName, fileSize: String(size) },
								);
					if (release) delete item.binary[name];
				}
			}
			return stored;
		}),
	);
}

function toOutput(item: INodeExecutionData): OutputItem {
	const out: OutputItem = { json: item.json, pairedItem: item.pairedItem };
	if (item.binary) out.binary = item.binary;
	if (item.error) {
		out.error = {
			message: item.error.message,
			description: item.error.description,
			context: item.error.context as IDataObject,
		};
	}
	return out;
}

/** What n8n hands a run besides the workflow: hooks, credentials, URLs (no-op where tests need nothing). */
function makeAdditionalData(
	hooks: unknown,
	credentialsHelper: TestCredentialsHelper,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeParameters: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		userId: 'test-user',
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('not used in tests');
		},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs a one-node workflow (our node, or `nodeType`) through n8n-core's WorkflowExecute,
 * the engine n8n itself runs, and returns what the node output.
 */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const { WorkflowExecute, ExecutionLifecycleHooks } = await import('n8n-core');
	const { Ximilar, XimilarApi, XimilarWebhookApi } = loadPackage();
	const nodeType = options.nodeType ?? new Ximilar();
	const credentialType = new XimilarApi();
	const webhookType = new XimilarWebhookApi();
	const executionId = String(++executionCounter);
	const workflowId = 'ximilar-test';

	const node: INode = {
		id: 'ximilar-node',
		name: 'Ximilar',
		type: options.nodeTypeName ?? NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: {
			ximilarApi: { id: '1', name: 'Ximilar account' },
			...(options.webhookCredential ? { ximilarWebhookApi: { id: '2', name: 'Ximilar webhook' } } : {}),
		},
		onError: options.onError ?? 'stopWorkflow',
	};
	const upstream: INode = {
		id: 'input-node',
		name: 'Input',
		type: UPSTREAM_TYPE,
		typeVersion: 1,
		position: [-200, 0],
		parameters: {},
	};
	const nodes = options.upstream ? [upstream, node] : [node];
	const connections: IConnections = options.upstream ? { Input: { main: [[{ node: node.name, type: 'main' as const, index: 0 }]] } } : {};
	const settings: IWorkflowBase['settings'] = { executionOrder: 'v1' };
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Ximilar test',
		active: false,
		isArchived: false,
		nodes,
		connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowId,
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
		settings,
	});

	const items = await storeItems(options.items ?? [{ json: {} }], workflowId, executionId, options.binaryMode, options.releaseInputs);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const credentialsHelper = new TestCredentialsHelper(
		{ [credentialType.name]: credentialType as ICredentialType, [webhookType.name]: webhookType as ICredentialType },
		{ [credentialType.name]: { ...options.credentials }, ...(options.webhookCredential ? { [webhookType.name]: { ...options.webhookCredential } } : {}) },
	);
	const additionalData = makeAdditionalData(hooks, credentialsHelper, executionId);

	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: options.upstream ? upstream : node, data: { main: [items] }, source: null }],
		},
	});
	const running = new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
	options.onStarted?.(() => running.cancel());
	const run = await running;

	const task = run.data.resultData.runData[node.name]?.[0];
	const outputs = task?.data?.main ?? [];
	return {
		main: (outputs[0] ?? []).map(toOutput),
		errorOutput: options.onError === 'continueErrorOutput' ? (outputs[1] ?? []).map(toOutput) : [],
		error: task?.error ?? run.data.resultData.error,
		hints: task?.hints ?? [],
		status: run.status,
	};
}

export interface ListSearchOptions {
	parameters: INodeParameters;
	credentials: { apiToken: string; apiUrl: string };
	/** Name of the method in the node's `methods.listSearch`. */
	method: string;
	/** The parameter the list is for, e.g. `task`. */
	parameter: string;
	filter?: string;
	paginationToken?: string;
}

/**
 * Runs a resource locator's list search as n8n's editor backend does (the CLI's
 * dynamic-node-parameters service): a LoadOptionsContext for the node with its current
 * parameters, and the node's `methods.listSearch[method]` called on it.
 */
export async function listSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const { LoadOptionsContext, ExecutionLifecycleHooks } = await import('n8n-core');
	const { Ximilar, XimilarApi } = loadPackage();
	const nodeType = new Ximilar();
	const credentialType = new XimilarApi();
	const node: INode = {
		id: 'ximilar-node',
		name: 'Ximilar',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { ximilarApi: { id: '1', name: 'Ximilar account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesFor(nodeType) });
	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: 'list', nodes: [node], connections: {} } as never);
	const credentialsHelper = new TestCredentialsHelper(
		{ [credentialType.name]: credentialType as ICredentialType },
		{ [credentialType.name]: { ...options.credentials } },
	);
	const additionalData = makeAdditionalData(hooks, credentialsHelper, executionId);
	additionalData.currentNodeParameters = options.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${options.parameter}`);
	const methods: Record<string, (this: ILoadOptionsFunctions, filter?: string, token?: string) => Promise<INodeListSearchResult>> =
		nodeType.methods?.listSearch ?? {};
	const method = methods[options.method];
	if (!method) throw new Error(`the node has no methods.listSearch.${options.method}`);
	return await method.call(context, options.filter, options.paginationToken);
}
