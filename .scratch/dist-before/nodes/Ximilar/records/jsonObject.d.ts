import type { IDataObject } from 'n8n-workflow';
/**
 * Reads a JSON parameter that must hold an object (Additional Record Fields, Metadata,
 * Filter). n8n hands it over as a string, or as an object when an expression produced one.
 * Returns the object, or a sentence saying what is wrong with it.
 */
export declare function parseJsonObject(value: unknown, label: string): {
    value: IDataObject;
} | {
    problem: string;
};
/** A text parameter, trimmed; '' when an expression resolved to nothing (not "undefined"). */
export declare function textParameter(value: unknown): string;
/** "Fields to Return" as a list, `_id` always first. */
export declare function fieldList(value: unknown): string[];
