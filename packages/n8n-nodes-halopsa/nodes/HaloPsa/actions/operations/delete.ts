import { parentQuery } from '../../helpers/parentQuery';
import { recordId } from '../../helpers/recordId';
import { haloApiRequest } from '../../transport';
import type { ItemOperation } from './types';

export const deleteRecord: ItemOperation = {
	kind: 'item',
	async execute(spec, itemIndex) {
		const id = recordId(this, spec, itemIndex);
		const qs = parentQuery(this, spec, itemIndex);

		await haloApiRequest.call(
			this,
			{ method: 'DELETE', path: `${spec.path}/${id}`, qs, resource: spec.label },
			itemIndex,
		);

		return [{ deleted: true, id, ...qs }];
	},
};
