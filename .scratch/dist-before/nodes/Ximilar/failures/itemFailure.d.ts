/**
 * Why one item produced no result. Plain data, so that one failed request can be
 * recorded for each item of its batch, and turned into an n8n error only at the output.
 * It sits below transport/, records/ and execution/, which all produce failures.
 */
export interface ItemFailure {
    /** 'input': the item was refused before any request (no credit spent). 'api': Ximilar or the network failed it. */
    kind: 'input' | 'api';
    message: string;
    description?: string;
    /** HTTP status of the request, or the record's `_status.code`. */
    statusCode?: number;
    /** Ximilar's own text (`detail`, `status.text` or `_status.text`). */
    statusText?: string;
    recordId?: string;
    /**
     * An error thrown while reading the item (an expression error, for one): shown as it
     * is, keeping its own type and description, instead of being reworded.
     */
    thrown?: Error;
}
export declare function inputFailure(message: string, description?: string): ItemFailure;
/** An error something threw while reading an item or sending its batch, kept whole. */
export declare function thrownFailure(error: unknown, kind?: ItemFailure['kind']): ItemFailure;
