import type { IExecuteFunctions } from 'n8n-workflow';

import type { ResourceSpec } from '../catalogue';
import { locatorRawValue } from './locator';
import { describeValue, isEmpty, parameterError, parseId } from './validation';

function readId(
	context: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	raw: unknown,
): number {
	if (isEmpty(raw) || raw === 0) {
		throw parameterError(context, displayName, itemIndex, 'is required');
	}
	const id = parseId(raw);
	if (id === undefined) {
		throw parameterError(
			context,
			displayName,
			itemIndex,
			`must be a Halo ID (a whole number), not ${describeValue(raw)}`,
		);
	}
	return id;
}

/** The id of the record an operation works on. Never empty: an update without it would create. */
export function recordId(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
): number {
	const { parameter, label, locator } = spec.id;
	const value = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	const raw = locator ? locatorRawValue(locator, value) : value;
	return readId(context, itemIndex, label, raw);
}

/** The parent id of records numbered per parent (actions: the ticket), else `undefined`. */
export function parentId(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
): number | undefined {
	if (!spec.parent) return undefined;
	const { parameter, label, locator } = spec.parent;
	const value = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	return readId(context, itemIndex, label, locatorRawValue(locator, value));
}
