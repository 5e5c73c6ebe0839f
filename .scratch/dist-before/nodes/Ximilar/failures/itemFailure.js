"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inputFailure = inputFailure;
exports.thrownFailure = thrownFailure;
function inputFailure(message, description) {
    return { kind: 'input', message, description };
}
/** An error something threw while reading an item or sending its batch, kept whole. */
function thrownFailure(error, kind = 'input') {
    const thrown = error instanceof Error ? error : new Error(String(error));
    const description = thrown.description;
    return {
        kind,
        message: thrown.message,
        description: typeof description === 'string' ? description : undefined,
        thrown,
    };
}
