import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectionValues } from '../../helpers/body';
import { parentQuery } from '../../helpers/parentQuery';
import { simplifyRecord } from '../../helpers/simplify';
import { describeValue, parameterError } from '../../helpers/validation';
import { haloApiRequestAllItems } from '../../transport';
import type { ItemOperation } from './types';

/** An expression can give anything; 0 or a fraction would read the whole list or confuse Halo. */
function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	const limit = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw parameterError(
			context,
			'Limit',
			itemIndex,
			`must be a whole number of at least 1, not ${describeValue(limit)}`,
		);
	}
	return limit;
}

export const getAll: ItemOperation = {
	kind: 'item',
	async execute(spec, itemIndex) {
		const qs: IDataObject = {
			...collectionValues(this, spec.filters, 'filters', itemIndex),
			...parentQuery(this, spec, itemIndex),
		};
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : readLimit(this, itemIndex);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

		const rows = await haloApiRequestAllItems.call(
			this,
			spec.path,
			{ listKey: spec.listKey },
			qs,
			{ limit, ...spec.list },
			itemIndex,
		);

		return simplify ? rows.map((row) => simplifyRecord(spec, row)) : rows;
	},
};
