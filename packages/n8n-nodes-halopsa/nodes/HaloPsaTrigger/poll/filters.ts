import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import type { FieldSpec } from '../../HaloPsa/catalogue';
import { convertFieldValue } from '../../HaloPsa/helpers/fieldValue';
import { TRIGGER_FILTERS } from '../description';

function filterError(context: IPollFunctions, field: FieldSpec, problem: string) {
	return new NodeOperationError(context.getNode(), `Filter "${field.label}" ${problem}`, {
		description: 'Fix the filter in the trigger’s Filters; no request was sent to Halo.',
	});
}

/**
 * The Filters as Halo's query parameters (names from the action node's ticket catalogue, which
 * checks them against Halo's OpenAPI document). Checked before any request is sent.
 */
export function filterQuery(context: IPollFunctions): IDataObject {
	const given = context.getNodeParameter('filters', {}) as IDataObject;
	const query: IDataObject = {};
	for (const field of TRIGGER_FILTERS) {
		if (!(field.name in given)) continue;
		const value = convertFieldValue(field, given[field.name], (problem) =>
			filterError(context, field, problem),
		);
		// Halo reads `open_only=false` as no filter, so a switched-off boolean is left out.
		if (value !== undefined && value !== false) query[field.name] = value;
	}
	return query;
}
