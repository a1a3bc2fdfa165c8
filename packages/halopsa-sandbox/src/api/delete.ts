import { haloDate } from '../data/dates';
import type { SandboxContext } from '../server/context';
import { empty, type Reply } from '../server/reply';
import type { ResourceDef } from './catalogue';
import type { Query } from './filters';
import { addressedRecord } from './lookup';

/**
 * DELETE /api/<Resource>/{id} → 200 with an empty body [inferred]. Tickets are soft-deleted:
 * hidden from lists unless `deleted=true`, restorable with `_recover` (api-notes §3.2 #11).
 */
export function deleteRecord(
	ctx: SandboxContext,
	def: ResourceDef,
	rawId: string,
	query: Query,
): Reply {
	const found = addressedRecord(ctx, def, rawId, query, 'delete');
	if ('reply' in found) return found.reply;
	const { record } = found;
	if (def.collection === 'tickets') {
		record.deleted = true;
		record.last_update = haloDate(Date.now());
	} else {
		ctx.store.remove(def.collection, record);
	}
	return empty(200);
}
