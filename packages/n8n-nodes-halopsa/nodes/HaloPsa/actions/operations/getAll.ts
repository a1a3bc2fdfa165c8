import type { IDataObject } from 'n8n-workflow';

import { collectionValues } from '../../helpers/body';
import { parentQuery } from '../../helpers/parentQuery';
import { simplifyRecord } from '../../helpers/simplify';
import { haloApiRequestAllItems } from '../../transport';
import type { ItemOperation } from './types';

export const getAll: ItemOperation = {
	kind: 'item',
	async execute(spec, itemIndex) {
		const qs: IDataObject = {
			...collectionValues(this, spec.filters, 'filters', itemIndex),
			...parentQuery(this, spec, itemIndex),
		};
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
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
