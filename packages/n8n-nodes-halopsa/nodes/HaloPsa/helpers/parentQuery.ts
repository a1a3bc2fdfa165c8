import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ResourceSpec } from '../catalogue';
import { parentId } from './recordId';

/** `{ ticket_id }` for actions, which Halo numbers per ticket (api-notes §2.3); else `{}`. */
export function parentQuery(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
): IDataObject {
	if (!spec.parent) return {};
	return { [spec.parent.field]: parentId(context, spec, itemIndex) };
}
