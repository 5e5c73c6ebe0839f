/**
 * Compares the callback's secret header with the configured secret in time that does not
 * depend on where they differ, so the secret cannot be guessed one character at a time.
 */
export declare function secretMatches(received: unknown, expected: string): boolean;
