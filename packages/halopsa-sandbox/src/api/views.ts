import type { HaloRecord } from '../data/generate';
import type { ResourceDef } from './catalogue';

/** Fields `ticketidonly=true` keeps (SPEC `/Tickets` parameter text, api-notes §3.2 #12). */
const TICKET_ID_FIELDS = [
	'id',
	'sla_id',
	'status_id',
	'client_id',
	'client_name',
	'lastincomingemail',
];

/** Fields stored for the sandbox's own bookkeeping and never sent. */
const HIDDEN_FIELDS = new Set(['data_base64']);

function withoutHidden(row: HaloRecord): HaloRecord {
	const out: HaloRecord = {};
	for (const key of Object.keys(row)) if (!HIDDEN_FIELDS.has(key)) out[key] = row[key];
	return out;
}

/** A record as a list row. Most records are sent as stored (JSON.stringify copies them). */
export function listRow(def: ResourceDef, row: HaloRecord, ticketIdOnly: boolean): HaloRecord {
	if (ticketIdOnly) {
		const out: HaloRecord = {};
		for (const field of TICKET_ID_FIELDS) if (field in row) out[field] = row[field];
		return out;
	}
	return def.collection === 'attachments' ? withoutHidden(row) : row;
}

/** A record as `GET /X/{id}` and POST answer it. */
export function entity(def: ResourceDef, row: HaloRecord): HaloRecord {
	return def.collection === 'attachments' ? withoutHidden(row) : row;
}
