import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { ItemFailure } from '../failures/itemFailure';
import type { Outcome } from '../execution/runRecords';
export interface PairOptions {
    /** Turns a returned record into one or more output json objects. */
    shape: (record: IDataObject, itemIndex: number) => IDataObject[];
    /** Pass the input item's binary data through to its outputs. */
    includeBinary?: boolean;
    /** Binary data made for one output (e.g. a downloaded result image), by its position among the item's outputs. */
    binaryFor?: (itemIndex: number, position: number) => IBinaryKeyData | undefined;
}
/** Every item fails the same way (a node-level setting is wrong), paired as any other failure. */
export declare function pairFailureForAll(ctx: IExecuteFunctions, failure: ItemFailure): INodeExecutionData[];
/**
 * The one place outputs are made: every input item gets its outputs at its own position,
 * each paired to it. Without Continue On Fail the first failed item (lowest index) is
 * thrown, naming the item; with it (or when the execution was stopped), each failed item
 * becomes an error item paired to its input, sent to the error output when the node is
 * set to "Continue (using error output)".
 */
export declare function pairOutcomes(ctx: IExecuteFunctions, outcomes: Array<Outcome | undefined>, options: PairOptions): INodeExecutionData[];
