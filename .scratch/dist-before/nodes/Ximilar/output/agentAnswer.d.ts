import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import type { Outcome } from '../execution/runRecords';
/**
 * Answers for an AI agent, when the node runs as its tool variant (`ximilarTool`): one
 * compact row per image with what the agent can use, and a failure as one sentence in
 * `{ error }` instead of a thrown error (an MCP client would get n8n's stack trace with it).
 */
/** n8n names the tool variant of a node `<node>Tool`, the same test its `@tool` display option makes. */
export declare function isToolCall(ctx: IExecuteFunctions): boolean;
/**
 * The compact row of one image, made from its simplified row: no `_id` unless one was
 * sent (Ximilar otherwise makes one up), no empty fields, alternatives by name only when
 * the match is not a confident one.
 */
export declare function agentRow(simplified: IDataObject, record: IDataObject, keepId: boolean): IDataObject;
/** A failure as the one sentence an agent reads: no item number, no word about other items of a batch. */
export declare function agentError(failure: ItemFailure): IDataObject;
/** Outputs of a tool call: every item answered at its own position, paired, failures included. */
export declare function agentOutputs(outcomes: Array<Outcome | undefined>, shape: (record: IDataObject, itemIndex: number) => IDataObject[], notProcessed: ItemFailure): INodeExecutionData[];
