import type { IDataObject } from 'n8n-workflow';

import { SERVICE_OPTIONS, type ServiceOptionDefinition, type ServiceOptionKey } from '../catalog/serviceOptions';
import type { RecognitionService } from '../catalog/services';
import { inputFailure, type ItemFailure } from '../failures/itemFailure';
import { checkNumber } from './numberParameter';
import type { Prepared } from './prepared';

/** Service options that travel inside each record rather than in the request body. */
export interface RecordOptions {
	/**
	 * Fields of the record itself: `binary_mask` (docs/ximilar-api.md §9), the card's
	 * `Alphabet` (§3.2), the GPT `prompt`.
	 */
	record: IDataObject;
}

/**
 * Splits the chosen service options by where Ximilar reads them. Unset and empty options
 * are not sent; a number option (Number of Colors, Task Version, Minimum Probability) is
 * checked against the limits its panel field declares, since an expression can give anything.
 */
export function splitServiceOptions(
	service: RecognitionService,
	chosen: IDataObject,
): { request: IDataObject; records: RecordOptions } | { failure: ItemFailure } {
	const request: IDataObject = {};
	const records: RecordOptions = { record: {} };
	for (const key of service.options) {
		let value = chosen[key];
		if (value === undefined || value === '') continue;
		const option = SERVICE_OPTIONS[key as ServiceOptionKey] as ServiceOptionDefinition;
		if (option.property.type === 'number') {
			const checked = checkNumber(option.property, value);
			if ('problem' in checked) return { failure: inputFailure(checked.problem, 'Fix it under Service Options in the node.') };
			value = checked.value;
		}
		const target = option.placement === 'record' ? records.record : request;
		if (!option.list) {
			target[option.bodyKey] = value;
			continue;
		}
		const names = String(value)
			.split(',')
			.map((name) => name.trim())
			.filter((name) => name !== '');
		if (names.length) target[option.bodyKey] = names;
	}
	return { request, records };
}

/** Adds the per-record options to a prepared record; an empty prompt is refused before any request. */
export function addRecordOptions(prepared: Prepared, options: RecordOptions): Prepared {
	if ('failure' in prepared) return prepared;
	if (options.record.prompt === '') {
		return { failure: inputFailure('Prompt is empty', 'Write what GPT should answer about the text, e.g. "Return the invoice number".') };
	}
	const added: IDataObject = options.record;
	if (Object.keys(added).length === 0) return prepared;
	const record = { ...prepared.record, ...added };
	return { record, bytes: prepared.bytes + JSON.stringify(added).length };
}
