import type { IExecuteFunctions } from 'n8n-workflow';

import type { FieldSpec } from '../catalogue';
import { toHaloDate } from './dates';
import { locatorRawValue } from './locator';
import { describeValue, isEmpty, parameterError, parseId } from './validation';

export type HaloValue = string | number | boolean;

/**
 * One parameter value converted to what Halo's schema wants; `fail` turns a problem ("must be a
 * number, not …") into the caller's error. `undefined` means "not given".
 */
export function convertFieldValue(
	field: FieldSpec,
	raw: unknown,
	fail: (problem: string) => Error,
): HaloValue | undefined {
	const value = field.type === 'locator' ? locatorRawValue(field.locator, raw) : raw;
	if (isEmpty(value)) return undefined;

	switch (field.type) {
		case 'string':
		case 'fixedOptions':
			if (typeof value === 'object') throw fail(`must be text, not ${describeValue(value)}`);
			return String(value);
		case 'number': {
			const number = typeof value === 'string' ? Number(value.trim()) : value;
			if (typeof number !== 'number' || !Number.isFinite(number)) {
				throw fail(`must be a number, not ${describeValue(value)}`);
			}
			return number;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw fail(`must be true or false, not ${describeValue(value)}`);
		case 'dateTime': {
			const date = toHaloDate(value);
			if (date === undefined) throw fail(`must be a date, not ${describeValue(value)}`);
			return date;
		}
		case 'options':
			if (field.byName) return String(value);
			return requireId(value, fail);
		case 'locator':
			return requireId(value, fail);
	}
}

/** A parameter value of an item, or an error naming the parameter and the item. */
export function fieldValue(
	context: IExecuteFunctions,
	field: FieldSpec,
	raw: unknown,
	itemIndex: number,
): HaloValue | undefined {
	return convertFieldValue(field, raw, (problem) =>
		parameterError(context, field.label, itemIndex, problem),
	);
}

function requireId(value: unknown, fail: (problem: string) => Error): number {
	const id = parseId(value);
	if (id === undefined)
		throw fail(`must be a Halo ID (a whole number), not ${describeValue(value)}`);
	return id;
}
