import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import type { FieldSpec } from '../../HaloPsa/catalogue';
import { locatorRawValue } from '../../HaloPsa/helpers/locator';
import { describeValue, isEmpty, parseId } from '../../HaloPsa/helpers/validation';
import { TRIGGER_FILTERS } from '../description';

function filterError(context: IPollFunctions, field: FieldSpec, problem: string) {
	return new NodeOperationError(context.getNode(), `Filter "${field.label}" ${problem}`, {
		description: 'Fix the filter in the trigger’s Filters; no request was sent to Halo.',
	});
}

function queryValue(
	context: IPollFunctions,
	field: FieldSpec,
	raw: unknown,
): string | number | boolean | undefined {
	const value = field.type === 'locator' ? locatorRawValue(field.locator, raw) : raw;
	if (isEmpty(value)) return undefined;
	switch (field.type) {
		case 'boolean':
			if (value === true || value === 'true') return true;
			if (value === false || value === 'false') return undefined;
			throw filterError(context, field, `must be true or false, not ${describeValue(value)}`);
		case 'string':
			if (typeof value === 'object') {
				throw filterError(context, field, `must be text, not ${describeValue(value)}`);
			}
			return String(value);
		default: {
			const id = parseId(value);
			if (id === undefined) {
				throw filterError(
					context,
					field,
					`must be a Halo ID (a whole number), not ${describeValue(value)}`,
				);
			}
			return id;
		}
	}
}

/**
 * The Filters as Halo's query parameters (names from the action node's ticket catalogue, which
 * checks them against Halo's OpenAPI document). A switched-off boolean filter is left out: Halo
 * reads `open_only=false` as "no filter" anyway. Checked before any request is sent.
 */
export function filterQuery(context: IPollFunctions): IDataObject {
	const given = context.getNodeParameter('filters', {}) as IDataObject;
	const query: IDataObject = {};
	for (const field of TRIGGER_FILTERS) {
		if (!(field.name in given)) continue;
		const value = queryValue(context, field, given[field.name]);
		if (value !== undefined) query[field.name] = value;
	}
	return query;
}
