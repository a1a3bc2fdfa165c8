import { randomUUID } from 'node:crypto';
import type { HaloRecord } from '../data/generate';
import type { SandboxContext } from '../server/context';
import { prepareAttachment } from './attachments';
import type { ResourceDef } from './catalogue';

function nameOf(ctx: SandboxContext, collection: string, id: unknown, field = 'name'): unknown {
	if (id === undefined || id === null) return undefined;
	return ctx.store.get(collection, Number(id))?.[field];
}

/** Copies the display names Halo returns next to ids (e.g. `client_name` beside `client_id`). */
function fillNames(ctx: SandboxContext, record: HaloRecord): void {
	const pairs: Array<[string, string, string]> = [
		['client_id', 'client_name', 'clients'],
		['site_id', 'site_name', 'sites'],
		['user_id', 'user_name', 'users'],
		['status_id', 'status_name', 'statuses'],
	];
	for (const [idField, nameField, collection] of pairs) {
		if (!(idField in record)) continue;
		const name = nameOf(ctx, collection, record[idField]);
		if (name !== undefined) record[nameField] = name;
	}
}

/** Gives a new record its id and the fields Halo fills on creation. */
export function completeNewRecord(
	ctx: SandboxContext,
	def: ResourceDef,
	record: HaloRecord,
	agentId: number,
	now: string,
): void {
	if (def.idKind === 'guid') {
		record.id = randomUUID();
		if (def.collection === 'priorities') {
			// Tickets refer to priorities by this integer, not by the GUID (§2.8).
			let highest = 0;
			for (const row of ctx.store.rows('priorities'))
				highest = Math.max(highest, Number(row.priorityid) || 0);
			record.priorityid = highest + 1;
		}
	} else if (def.idKind === 'per-ticket') {
		record.id = ctx.store.nextId('actions', Number(record.ticket_id));
	} else {
		record.id = ctx.store.nextId(def.collection);
	}

	switch (def.collection) {
		case 'tickets':
			record.status_id ??= 1;
			record.dateoccurred ??= now;
			record.agent_id ??= null;
			record.hasbeenclosed ??= false;
			record.deleted = false;
			record.customfields ??= [];
			break;
		case 'actions': {
			record.ticket_id = Number(record.ticket_id);
			record.datetime ??= now;
			record.who_agentid ??= agentId;
			record.who ??= nameOf(ctx, 'agents', agentId);
			if (record.outcome_id !== undefined && record.outcome === undefined) {
				record.outcome = nameOf(ctx, 'outcomes', record.outcome_id, 'outcome');
			}
			break;
		}
		case 'users':
			record.client_id ??= ctx.store.get('sites', Number(record.site_id))?.client_id;
			record.inactive ??= false;
			break;
		case 'clients':
		case 'sites':
		case 'suppliers':
		case 'items':
		case 'kbarticles':
		case 'assets':
			record.inactive ??= false;
			break;
		case 'attachments':
			prepareAttachment(record);
			break;
		case 'webhooks':
			record.active ??= true;
			break;
	}
	fillNames(ctx, record);
}

/** After an update: names follow changed ids. */
export function completeUpdatedRecord(ctx: SandboxContext, record: HaloRecord): void {
	fillNames(ctx, record);
}
