/**
 * Image format detection from the first bytes of a file. Ximilar bills every record it
 * receives, including ones it cannot decode, so the node refuses formats Ximilar does not
 * read before they cost a credit.
 */
export interface DetectedFormat {
    /** Short name shown to users: 'JPEG', 'PNG', 'SVG', ... or 'unknown'. */
    format: string;
    supported: boolean;
    /** Why the format cannot be sent, when it cannot. */
    reason?: string;
}
export declare function detectImageFormat(bytes: Uint8Array): DetectedFormat;
