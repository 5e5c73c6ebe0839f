import { type AttemptResult } from './responses';
export declare function readPartialAnswer(response: {
    statusCode: number;
    body: unknown;
}, secret: string): AttemptResult | undefined;
