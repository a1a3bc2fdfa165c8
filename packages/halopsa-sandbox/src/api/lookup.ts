import type { HaloRecord } from '../data/generate';
import type { SandboxContext } from '../server/context';
import type { ResourceDef } from './catalogue';
import { haloError, notFound } from './errors';
import type { Query } from './filters';
import type { Reply } from '../server/reply';

/** The stored key of an id as sent in a path or body: integers for most, GUIDs as strings. */
export function normaliseId(def: ResourceDef, raw: unknown): number | string | undefined {
	if (def.idKind === 'guid') {
		return typeof raw === 'string' && raw !== '' ? raw.toLowerCase() : undefined;
	}
	const id = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
	return Number.isInteger(id) && id > 0 ? id : undefined;
}

/**
 * The record `/X/{id}` addresses: actions need `ticket_id` (api-notes §2.3), priorities answer
 * to their GUID or their integer `priorityid`, deleted tickets are gone until recovered.
 */
export function findRecord(
	ctx: SandboxContext,
	def: ResourceDef,
	rawId: string,
	query: Query,
): HaloRecord | undefined {
	if (def.collection === 'priorities') {
		const byGuid = ctx.store.get('priorities', rawId.toLowerCase());
		if (byGuid) return byGuid;
		const priorityId = Number(rawId);
		return ctx.store.rows('priorities').find((row) => row.priorityid === priorityId);
	}
	const id = normaliseId(def, rawId);
	if (id === undefined) return undefined;
	const record =
		def.idKind === 'per-ticket'
			? ctx.store.get(def.collection, id, Number(query.ticket_id))
			: ctx.store.get(def.collection, id);
	if (record && record.deleted === true && def.collection === 'tickets') return undefined;
	return record;
}

/** The record a GET or DELETE of `/X/{id}` addresses, or Halo's answer why there is none. */
export function addressedRecord(
	ctx: SandboxContext,
	def: ResourceDef,
	rawId: string,
	query: Query,
	verb: 'get' | 'delete',
): { record: HaloRecord } | { reply: Reply } {
	if (def.idKind === 'per-ticket' && !query.ticket_id) {
		return { reply: haloError(400, `ticket_id is required to ${verb} ${def.path} ${rawId}.`) };
	}
	const record = findRecord(ctx, def, rawId, query);
	return record ? { record } : { reply: notFound(def.path, rawId) };
}
