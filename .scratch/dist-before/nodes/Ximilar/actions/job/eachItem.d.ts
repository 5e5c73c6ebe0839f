import type { IExecuteFunctions } from 'n8n-workflow';
import type { Outcome } from '../../execution/runRecords';
/** Runs `work` for every item, at most `parallel` at once; each outcome lands at its item's index. */
export declare function forEachItem(ctx: IExecuteFunctions, parallel: number, work: (itemIndex: number) => Promise<Outcome>): Promise<Array<Outcome | undefined>>;
