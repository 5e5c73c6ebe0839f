import type { INodeProperties } from 'n8n-workflow';

/** The part of a number field's definition its check reads: the limits the panel shows. */
export type NumberField = Pick<INodeProperties, 'displayName' | 'typeOptions'>;

/**
 * A number parameter's value, or what is wrong with it in words naming the field and the
 * value received. The limits are the field's own (typeOptions minValue, maxValue; no
 * numberPrecision means a whole number), so a value typed in the panel and one an
 * expression produced (`abc`, `2.5`, `0`) are held to the same rule.
 */
export function checkNumber(field: NumberField, value: unknown): { value: number } | { problem: string } {
	const { minValue, maxValue, numberPrecision } = (field.typeOptions ?? {}) as {
		minValue?: number;
		maxValue?: number;
		numberPrecision?: number;
	};
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	const whole = numberPrecision === undefined;
	const fits =
		Number.isFinite(number) &&
		(minValue === undefined || number >= minValue) &&
		(maxValue === undefined || number <= maxValue) &&
		(!whole || Number.isInteger(number));
	if (fits) return { value: number };
	const kind = whole ? 'a whole number' : 'a number';
	const range =
		minValue !== undefined && maxValue !== undefined
			? ` from ${minValue} to ${maxValue}`
			: minValue !== undefined
				? ` of at least ${minValue}`
				: maxValue !== undefined
					? ` of at most ${maxValue}`
					: '';
	const received = value === undefined ? 'nothing' : typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)).slice(0, 60);
	return { problem: `${field.displayName} must be ${kind}${range} (got ${received})` };
}
