import type { SandboxContext } from '../server/context';
import { json, type Reply } from '../server/reply';
import { attachmentBytes } from './attachments';
import type { ResourceDef } from './catalogue';
import { haloError, notFound } from './errors';
import type { Query } from './filters';
import { findRecord } from './lookup';
import { entity } from './views';

/** GET /api/<Resource>/{id}: the bare entity, or 404 (api-notes §2.3). */
export function getRecord(
	ctx: SandboxContext,
	def: ResourceDef,
	rawId: string,
	query: Query,
): Reply {
	if (def.idKind === 'per-ticket' && !query.ticket_id) {
		return haloError(400, `ticket_id is required to get ${def.path} ${rawId}.`);
	}
	const record = findRecord(ctx, def, rawId, query);
	if (!record) return notFound(def.path, rawId);
	if (def.collection === 'attachments') return attachmentBytes(record);
	return json(200, entity(def, record));
}
