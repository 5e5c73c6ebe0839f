"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.secretMatches = secretMatches;
/**
 * Compares the callback's secret header with the configured secret in time that does not
 * depend on where they differ, so the secret cannot be guessed one character at a time.
 */
function secretMatches(received, expected) {
    const value = Array.isArray(received) ? received[0] : received;
    if (typeof value !== 'string' || expected.length === 0)
        return false;
    let difference = value.length ^ expected.length;
    for (let i = 0; i < expected.length; i++) {
        difference |= expected.charCodeAt(i) ^ value.charCodeAt(i % Math.max(1, value.length));
    }
    return difference === 0;
}
