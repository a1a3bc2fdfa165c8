import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isEmpty, parameterError, parseId } from './validation';

interface CustomFieldEntry {
	field?: unknown;
	value?: unknown;
}

/**
 * The "Custom Fields" parameter as Halo's `customfields` array. A field given by number is sent
 * as `{ id, value }`, by name as `{ name, value }`: Halo's `CustomField` schema has both keys.
 */
export function readCustomFields(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject[] | undefined {
	const ui = context.getNodeParameter('customFieldsUi', itemIndex, {}) as {
		customFieldValues?: CustomFieldEntry[];
	};
	const entries = ui.customFieldValues ?? [];
	if (entries.length === 0) return undefined;
	return entries.map(({ field, value }) => {
		if (isEmpty(field)) {
			throw parameterError(context, 'Custom Fields', itemIndex, 'has a value without a field');
		}
		const id = parseId(field);
		const key = id === undefined ? { name: String(field).trim() } : { id };
		return { ...key, value: value ?? '' };
	});
}

/** Halo's `customfields` array as `{ name: value }`, for simplified output. */
export function customFieldsByName(customfields: unknown): IDataObject {
	const byName: IDataObject = {};
	if (!Array.isArray(customfields)) return byName;
	for (const entry of customfields as IDataObject[]) {
		const name = entry?.name ?? entry?.id;
		if (name === undefined || name === null) continue;
		byName[String(name)] = (entry.display ?? entry.value ?? null) as IDataObject[string];
	}
	return byName;
}
