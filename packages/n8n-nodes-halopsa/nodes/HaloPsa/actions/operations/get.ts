import type { IDataObject } from 'n8n-workflow';

import { parentQuery } from '../../helpers/parentQuery';
import { recordId } from '../../helpers/recordId';
import { simplifyRecord } from '../../helpers/simplify';
import { haloApiRequest } from '../../transport';
import type { ItemOperation } from './types';

export const get: ItemOperation = {
	kind: 'item',
	async execute(spec, itemIndex) {
		const id = recordId(this, spec, itemIndex);
		const qs = parentQuery(this, spec, itemIndex);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

		const record = (await haloApiRequest.call(
			this,
			{
				method: 'GET',
				path: `${spec.path}/${id}`,
				qs,
				resource: spec.label,
			},
			itemIndex,
		)) as IDataObject;

		return [simplify ? simplifyRecord(spec, record) : record];
	},
};
