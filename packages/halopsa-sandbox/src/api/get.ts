import type { SandboxContext } from '../server/context';
import { json, type Reply } from '../server/reply';
import { attachmentBytes } from './attachments';
import type { ResourceDef } from './catalogue';
import type { Query } from './filters';
import { addressedRecord } from './lookup';
import { entity } from './views';

/** GET /api/<Resource>/{id}: the bare entity, or 404 (api-notes §2.3). */
export function getRecord(
	ctx: SandboxContext,
	def: ResourceDef,
	rawId: string,
	query: Query,
): Reply {
	const found = addressedRecord(ctx, def, rawId, query, 'get');
	if ('reply' in found) return found.reply;
	const { record } = found;
	if (def.collection === 'attachments') return attachmentBytes(record);
	return json(200, entity(def, record));
}
